-- The tamper-evident audit log (DATA-18). Rows are only ever appended: each carries the MAC of
-- its predecessor and its own, so a changed, removed or forged row breaks the chain where it
-- happened; checkpoints sign the chain's head with the key service's SM2 key.
create table audit_event (
    seq         bigint      primary key check (seq > 0),
    occurred_at timestamptz not null,
    actor       text        not null check (length(actor) between 1 and 200),
    action      text        not null,
    subject     text        not null check (length(subject) between 1 and 500),
    purpose     text,
    -- canonical JSON written by the application; kept as text so the MAC covers the exact bytes
    detail      text        not null,
    prev_mac    bytea       not null check (length(prev_mac) = 32),
    mac         bytea       not null check (length(mac) = 32),
    key_id      text        not null
);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_subject on audit_event (subject, occurred_at);
create index audit_event_action on audit_event (action, occurred_at);

-- A signed statement that the chain up to seq ended in mac: whoever rewrites rows before it
-- cannot sign the result without the private key, which the database never holds.
create table audit_checkpoint (
    seq         bigint      primary key check (seq > 0),
    mac         bytea       not null check (length(mac) = 32),
    signed_at   timestamptz not null,
    signature   bytea       not null,
    key_id      text        not null
);
