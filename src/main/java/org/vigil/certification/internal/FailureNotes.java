package org.vigil.certification.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.vigil.certification.CertificationFailures;
import org.vigil.certification.FailedCertification;
import org.vigil.certification.FailureGround;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationResult;
import org.vigil.runtime.CopyWriter;

/**
 * The noted reason of every failed certification of a month (CERT-15, 第二十四条), written by the
 * month's run beside its decisions: the period ended without certification, and the reason is
 * what the agency's own verification in that period came to. That is the task of the same period
 * recorded by the as-of date (its result, method, date and the operator's note), else a task not
 * recorded by then, else none at all. Tasks of later months and recordings after the as-of date
 * are not looked at, so a month decided again gives the same reasons.
 */
@Service
class FailureNotes implements CertificationFailures {

    /**
     * The rules give PERIOD_ENDED to exactly the decisions to be verified whose bucket is OVERDUE,
     * so a column says it rather than a search through every decision's reasons.
     */
    private static final String FAILED = """
            select d.recipient_id, d.person, d.district, d.period_end,
                   t.id as task_id, t.status, t.method, t.result, t.verified_on, t.note
              from certification.decision d
              left join lateral (
                    select t.id, t.status, t.method, t.result, t.verified_on, t.note
                      from certification.verification_task t
                     where t.recipient_id = d.recipient_id and t.period_end = d.period_end and t.month <= d.month
                     order by (t.status = 'DONE' and t.verified_on <= :asOf) desc, t.verified_on desc nulls last,
                              t.id desc
                     limit 1) t on true
             where d.month = :month and d.status = 'TO_BE_VERIFIED' and d.bucket = 'OVERDUE'
             order by d.recipient_id""";

    private static final String STAGING = """
            create temporary table failure_load (
                recipient_id bigint, person bigint, district text, period_end date, ground text, task_id bigint,
                reason text, reason_english text
            ) on commit drop""";

    private static final String COPY = """
            copy failure_load (recipient_id, person, district, period_end, ground, task_id, reason, reason_english)
            from stdin""";

    private static final String MERGE = """
            insert into certification.certification_failure (month, recipient_id, person, district, period_end, ground,
                task_id, reason, reason_english)
            select :month, s.recipient_id, s.person, s.district, s.period_end, s.ground, s.task_id, s.reason,
                   s.reason_english
              from failure_load s
            on conflict (month, recipient_id) do update set
                person = excluded.person, district = excluded.district, period_end = excluded.period_end,
                ground = excluded.ground, task_id = excluded.task_id, reason = excluded.reason,
                reason_english = excluded.reason_english
             where (certification_failure.person, certification_failure.district, certification_failure.period_end,
                    certification_failure.ground, certification_failure.task_id, certification_failure.reason,
                    certification_failure.reason_english)
                   is distinct from
                   (excluded.person, excluded.district, excluded.period_end, excluded.ground, excluded.task_id,
                    excluded.reason, excluded.reason_english)""";

    private static final String DELETE = """
            delete from certification.certification_failure f
             where f.month = :month
               and not exists (select 1 from failure_load s where s.recipient_id = f.recipient_id)""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Persons persons;

    FailureNotes(DataSource dataSource, JdbcClient jdbc, Persons persons) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.persons = persons;
    }

    /** A noted failure with the person it is about; the record's ID number is left for the readers. */
    private record Noted(long person, FailedCertification failure) {
    }

    /**
     * Notes the reasons of the month's failed certifications from its stored decisions, inside the
     * run's transaction, changing only what differs.
     *
     * @return the failure rows inserted, updated or deleted
     */
    long store(YearMonth month, LocalDate asOf) {
        LocalDate first = month.atDay(1);
        List<Noted> failed = jdbc.sql(FAILED).param("month", first).param("asOf", asOf)
                .query((rs, n) -> new Noted(rs.getLong("person"), noted(month, asOf, rs))).list();
        jdbc.sql(STAGING).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = CopyWriter.open(connection, COPY)) {
            for (Noted noted : failed) {
                FailedCertification f = noted.failure();
                out.number(f.recipientId()).number(noted.person()).text(f.district()).date(f.periodEnd())
                        .text(f.ground().name()).text(f.taskId() == null ? null : f.taskId().toString())
                        .text(f.reason()).text(f.reasonEnglish());
                out.endRow();
            }
            out.finish();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not note the failed certifications of " + month + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // indexed and analysed for the same reason as the run's staged decisions (MonthlyRunService)
        jdbc.sql("create unique index on failure_load (recipient_id)").update();
        jdbc.sql("analyze failure_load").update();
        return jdbc.sql(MERGE).param("month", first).update() + jdbc.sql(DELETE).param("month", first).update();
    }

    @Override
    public List<FailedCertification> failedIn(YearMonth month) {
        return persons.open(jdbc.sql("""
                        select * from certification.certification_failure
                         where month = :month order by district, person, recipient_id""")
                .param("month", month.atDay(1)).query((rs, n) -> read(rs)).list());
    }

    /** A person's failed certifications in a month, one per benefit that failed. */
    List<FailedCertification> ofPerson(long person, YearMonth month) {
        return persons.open(jdbc.sql("""
                        select * from certification.certification_failure
                         where month = :month and person = :person order by recipient_id""")
                .param("month", month.atDay(1)).param("person", person).query((rs, n) -> read(rs)).list());
    }

    private static FailedCertification noted(YearMonth month, LocalDate asOf, ResultSet rs) throws SQLException {
        long recipient = rs.getLong("recipient_id");
        // the stored row names the person by number; the ID number is opened only for those who read it
        String idNumber = null;
        String district = rs.getString("district");
        LocalDate end = rs.getDate("period_end").toLocalDate();
        long task = rs.getLong("task_id");
        if (rs.wasNull()) {
            return new FailedCertification(month, recipient, idNumber, district, end, FailureGround.NO_VERIFICATION, null,
                    "认证服务期至" + end + "届满，届满前一个月内未更新认证信息，经办机构核实亦未能认证",
                    "no certification and no successful verification in the last month of the period, which ended on "
                            + end);
        }
        Date on = rs.getDate("verified_on");
        LocalDate verifiedOn = on == null ? null : on.toLocalDate();
        if (!"DONE".equals(rs.getString("status")) || verifiedOn == null || verifiedOn.isAfter(asOf)) {
            return new FailedCertification(month, recipient, idNumber, district, end, FailureGround.VERIFICATION_UNFINISHED,
                    task, "认证服务期至" + end + "届满未认证；核实任务" + task + "截至核验基准日" + asOf + "未完成",
                    "the period ended on " + end + " without certification; verification task " + task
                            + " was not recorded by the as-of date " + asOf);
        }
        VerificationMethod method = VerificationMethod.valueOf(rs.getString("method"));
        VerificationResult result = VerificationResult.valueOf(rs.getString("result"));
        String note = rs.getString("note");
        return new FailedCertification(month, recipient, idNumber, district, end, FailureGround.VERIFICATION_FAILED, task,
                "认证服务期至" + end + "届满未认证；核实未通过：" + result.chinese() + "（" + method.chinese() + "，"
                        + verifiedOn + "，核实任务" + task + "）" + (note == null ? "" : "；备注：" + note),
                "the period ended on " + end + " without certification; the verification did not certify: "
                        + result.english() + " (" + method.code() + ", " + verifiedOn + ", task " + task + ")"
                        + (note == null ? "" : "; note: " + note));
    }

    static Persons.Pending<FailedCertification> read(ResultSet rs) throws SQLException {
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
        long recipient = rs.getLong("recipient_id");
        String district = rs.getString("district");
        LocalDate end = rs.getDate("period_end").toLocalDate();
        FailureGround ground = FailureGround.valueOf(rs.getString("ground"));
        String reason = rs.getString("reason");
        String english = rs.getString("reason_english");
        return new Persons.Pending<>(rs.getLong("person"), null, (idNumber, name) -> new FailedCertification(month,
                recipient, idNumber, district, end, ground, taskId, reason, english));
    }
}
