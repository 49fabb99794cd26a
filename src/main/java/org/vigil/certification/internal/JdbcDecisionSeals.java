package org.vigil.certification.internal;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.DecisionSeals;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;

/** The months' decisions against the digests their runs sealed in the audit log. */
@Component
class JdbcDecisionSeals implements DecisionSeals {

    /** The audit detail keys a run writes its seal under. */
    static final String DIGEST = "decisionsSha256";
    static final String COUNT = "decisions";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    JdbcDecisionSeals(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Seal> verify() {
        List<YearMonth> months = jdbc.sql("select month from certification.verification_run order by month")
                .query((rs, n) -> YearMonth.from(rs.getObject(1, Date.class).toLocalDate())).list();
        return months.stream().map(this::check).toList();
    }

    private Seal check(YearMonth month) {
        // the newest run of the month that changed it; a run that changed nothing left the seal as it was
        Optional<AuditedEvent> latest = audit.recent(Optional.of(MonthlyRunService.RUN_ACTOR),
                Optional.of("month:" + month), 20).stream().filter(e -> e.action() == AuditAction.DECISION)
                .findFirst();
        DecisionDigest.Result now = DecisionDigest.of(jdbc, month);
        return new Seal(month, latest.map(e -> e.detail().get(DIGEST)).orElse(null), now.digest(), now.decisions());
    }
}
