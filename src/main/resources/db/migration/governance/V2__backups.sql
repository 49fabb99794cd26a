-- Backups and restore drills (DATA-16, docs/backups.md). A backup's files live outside the
-- database; these rows say which were taken, what they hold and which keys they need, and every
-- drill's outcome, so an auditor can see that restores are practised and how long one takes.
create table backup (
    id              text        primary key,
    taken_at        timestamptz not null,
    -- where it was written, as the process that wrote it saw the path
    folder          text        not null,
    -- each module schema with its migration version, e.g. "certification 5, governance 2"
    schemas         text        not null,
    tables          integer     not null check (tables >= 0),
    row_count       bigint      not null check (row_count >= 0),
    -- table data before sealing, and what the folder holds on disk
    data_bytes      bigint      not null check (data_bytes >= 0),
    stored_bytes    bigint      not null check (stored_bytes >= 0),
    data_key        text        not null,
    signing_key     text        not null,
    manifest_sha256 bytea       not null check (length(manifest_sha256) = 32),
    duration_ms     bigint      not null check (duration_ms >= 0)
);
create index backup_taken_at on backup (taken_at);

-- A drill restores a backup into a scratch database, proves it and drops it. No foreign key to
-- backup: a drill may prove a backup brought from elsewhere, which this database never recorded.
create table backup_drill (
    id               bigint      generated always as identity primary key,
    backup_id        text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz not null check (finished_at >= started_at),
    scratch_database text        not null,
    passed           boolean     not null,
    -- the recovery time: how long the restore took; null when it did not finish
    restore_ms       bigint      check (restore_ms >= 0),
    -- [{"check": …, "passed": …, "detail": …}] in the order they ran
    checks           jsonb       not null
);
create index backup_drill_started_at on backup_drill (started_at);
