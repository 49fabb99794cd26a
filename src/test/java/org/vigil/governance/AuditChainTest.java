package org.vigil.governance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tamper-evident audit log (DATA-18) on real PostgreSQL: every kind of tampering an
 * administrator with direct access to the tables could try is found by {@code verify} and named
 * by the sequence number where it happened. The tables are edited directly, as an attacker would.
 */
@VigilIntegrationTest
class AuditChainTest {

    private final AuditTrail trail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** The schemas' owner, as an administrator with direct access would connect: the application cannot. */
    private final JdbcClient owner;

    @Autowired
    AuditChainTest(AuditTrail trail, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions,
            DataSource dataSource) throws SQLException {
        this.trail = trail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.owner = JdbcClient.create(new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "postgres", ""));
    }

    @BeforeEach
    void emptyLog() {
        owner.sql("truncate governance.audit_checkpoint, governance.audit_event").update();
    }

    @Test
    void data18_theApplicationsRoleCanAppendButNeitherChangeNorDeleteAuditRows() {
        recordMany(2);
        audit.checkpoint();

        for (String tampering : List.of("update governance.audit_event set actor = 'x' where seq = 1",
                "delete from governance.audit_event where seq = 2", "truncate governance.audit_event cascade",
                "update governance.audit_checkpoint set signature = '\\x00'",
                "delete from governance.audit_checkpoint", "alter table governance.audit_event disable trigger all",
                "drop table governance.audit_checkpoint")) {
            assertThatThrownBy(() -> jdbc.sql(tampering).update()).as(tampering).rootCause()
                    .satisfiesAnyOf(
                            e -> assertThat(e).hasMessageContaining("permission denied"),
                            e -> assertThat(e).hasMessageContaining("must be owner"));
        }
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.verify().events()).isEqualTo(2);
    }

    @Test
    void data18_anUntouchedChainVerifies_andCheckpointsSignItsHead() {
        for (int i = 1; i <= 5; i++) {
            record("市退管处 刘处长", AuditAction.APPROVAL, "batch:2026-11/22020" + i, Map.of("n", "" + i));
        }
        assertThat(audit.checkpoint()).contains(5L);
        assertThat(audit.checkpoint()).as("nothing new to sign").isEmpty();
        record("system:monthly-run", AuditAction.DECISION, "month:2026-11", Map.of("recipients", "15542"));

        AuditVerification v = audit.verify();

        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.events()).isEqualTo(6);
        assertThat(v.checkpoints()).isEqualTo(1);
        assertThat(v.lastCheckpointSeq()).isEqualTo(5);
        assertThat(v.unsignedTail()).isEqualTo(1);
        assertThat(audit.recent(Optional.empty(), Optional.of("month:2026-11"), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.seq()).isEqualTo(6);
                    assertThat(e.detail()).containsEntry("recipients", "15542");
                    assertThat(e.actor()).isEqualTo("system:monthly-run");
                });
    }

    @Test
    void data18_aChangedRowIsFoundWhereItIs() {
        recordMany(4);
        owner.sql("update governance.audit_event set actor = '无名氏' where seq = 3").update();

        AuditVerification v = audit.verify();

        assertThat(v.problems()).extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditProblem.Kind.ALTERED));
    }

    @Test
    void data18_aChangedDetailEvenWithSameMeaningIsFound() {
        recordMany(3);
        assertThat(jdbc.sql("select detail from governance.audit_event where seq = 2").query(String.class).single())
                .isEqualTo("{\"n\":\"1\"}");
        owner.sql("update governance.audit_event set detail = '{\"n\": \"1\"}' where seq = 2").update();

        assertThat(audit.verify().problems()).extracting(AuditProblem::kind).containsExactly(AuditProblem.Kind.ALTERED);
    }

    @Test
    void data18_aDeletedRowIsFound() {
        recordMany(5);
        owner.sql("delete from governance.audit_event where seq = 2").update();

        AuditVerification v = audit.verify();

        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(2);
            assertThat(p.kind()).isEqualTo(AuditProblem.Kind.MISSING);
            assertThat(p.description()).contains("event 2 is missing");
        });
    }

    @Test
    void data18_rowsDeletedFromTheEndAreFoundByTheCheckpoint() {
        recordMany(5);
        audit.checkpoint();
        owner.sql("delete from governance.audit_event where seq >= 4").update();

        assertThat(audit.verify().problems()).extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, AuditProblem.Kind.CHECKPOINT_BEYOND_END));
    }

    @Test
    void data18_anInsertedRowIsFound() {
        recordMany(3);
        // a forged event appended by someone who can write the table but does not hold the MAC key
        owner.sql("""
                insert into governance.audit_event (seq, occurred_at, actor, action, subject, purpose, detail, prev_mac,
                    mac, key_id)
                select 4, now(), 'x', 'APPROVAL', 'batch:forged', null, '{}', mac, mac, key_id
                  from governance.audit_event where seq = 3""").update();

        assertThat(audit.verify().problems()).extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, AuditProblem.Kind.ALTERED));
    }

    @Test
    void data18_aRowSwappedForAnotherValidRowBreaksTheLink() {
        recordMany(4);
        // event 3's content and MAC moved to seq 3 of a chain where it does not belong: copy event 2 over 3
        owner.sql("""
                update governance.audit_event e set occurred_at = s.occurred_at, actor = s.actor, action = s.action,
                       subject = s.subject, purpose = s.purpose, detail = s.detail, prev_mac = s.prev_mac, mac = s.mac
                  from governance.audit_event s where s.seq = 2 and e.seq = 3""").update();

        List<AuditProblem> problems = audit.verify().problems();

        assertThat(problems).extracting(AuditProblem::seq).contains(3L);
        assertThat(problems).extracting(AuditProblem::kind).contains(AuditProblem.Kind.LINK_BROKEN);
    }

    @Test
    void data18_aRewrittenCheckpointIsFound() {
        recordMany(3);
        audit.checkpoint();
        owner.sql("update governance.audit_checkpoint set signed_at = signed_at + interval '1 second'").update();

        assertThat(audit.verify().problems()).extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditProblem.Kind.CHECKPOINT_SIGNATURE_INVALID));
    }

    @Test
    void data18_anEventIsWrittenInTheActsTransaction_andRolledBackWithIt() {
        recordMany(2);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            trail.record(AuditEntry.of("x", AuditAction.CHANGE, "person:1", Map.of()));
            throw new IllegalStateException("the act failed");
        })).hasMessage("the act failed");
        recordMany(1);

        AuditVerification v = audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.lastSeq()).as("the rolled-back event left no gap").isEqualTo(3);
        assertThatThrownBy(() -> trail.record(AuditEntry.of("x", AuditAction.CHANGE, "person:1", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void data18_concurrentActsMakeOneGaplessChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Callable<Void> work = () -> {
                    for (int i = 0; i < 25; i++) {
                        record("worker-" + thread, AuditAction.QUERY, "list:" + i, Map.of("t", "" + thread));
                    }
                    return null;
                };
                done.add(pool.submit(work));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        AuditVerification v = audit.verify();
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.events()).isEqualTo(100);
        assertThat(v.lastSeq()).isEqualTo(100);
    }

    @Test
    void data18_anEntryWithoutActorOrSubjectIsRefused() {
        assertThatThrownBy(() -> AuditEntry.of(" ", AuditAction.LOGIN, "s", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> AuditEntry.of("a", AuditAction.LOGIN, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> new AuditEntry("a", AuditAction.UNMASKED_VIEW, "s", " ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purpose");
    }

    private void recordMany(int n) {
        for (int i = 0; i < n; i++) {
            record("officer", AuditAction.CHANGE, "person:" + i, Map.of("n", "" + i));
        }
    }

    private void record(String actor, AuditAction action, String subject, Map<String, String> detail) {
        transactions.executeWithoutResult(s -> trail.record(AuditEntry.of(actor, action, subject, detail)));
    }
}
