package org.vigil.sharing.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.FeedCatalogue;

/** Rectification notices in {@code sharing.rectification} and their notes. */
@Component
class JdbcRectifications implements Rectifications {

    private static final String FOUND_AGAIN = "再次发现 / found again: ";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProviderRegistry providers;
    private final Clock clock;
    private final int days;
    private final FeedCatalogue catalogue = FeedCatalogue.standard();

    JdbcRectifications(JdbcClient jdbc, TransactionTemplate transactions, ProviderRegistry providers, Clock clock,
            @Value("${vigil.quality.rectification-days:30}") int days) {
        if (days < 1) {
            throw new IllegalArgumentException("vigil.quality.rectification-days must be at least 1, found " + days);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.providers = providers;
        this.clock = clock;
        this.days = days;
    }

    @Override
    public Rectification issue(NewRectification notice) {
        List<String> problems = new ArrayList<>();
        if (notice.provider() == null || providers.find(notice.provider()).isEmpty()) {
            problems.add("未登记的提供单位 / no provider is registered as " + notice.provider());
        }
        if (notice.feed() == null || catalogue.find(notice.feed()).isEmpty()) {
            problems.add("目录中没有数据项 / the catalogue has no feed " + notice.feed());
        }
        requireText(notice.finding(), "须写明发现的问题 / the finding is required", problems);
        requireText(notice.officer(), "须注明经办人 / the officer is required", problems);
        if (!problems.isEmpty()) {
            throw new QualityException(QualityException.Kind.INVALID, String.join("; ", problems));
        }
        return insert(notice.provider(), notice.feed(), notice.issue(), notice.month(), notice.finding().strip(),
                notice.officer().strip())
                .orElseThrow(() -> new QualityException(QualityException.Kind.CONFLICT, "同一问题已有未结整改要求 / a notice for "
                        + notice.issue() + " of " + notice.provider() + " " + notice.feed() + " " + notice.month()
                        + " is already open"));
    }

    /**
     * Issues a notice for a finding of the system, or, when one is open already for the same
     * provider, feed, issue and month, adds the finding to it as a note: the provider is asked once.
     * A finding the open notice already records changes nothing, so a check run again adds nothing.
     *
     * @return the notice issued or added to; empty when nothing changed
     */
    Optional<Rectification> raise(String provider, String feed, QualityIssue issue, YearMonth month, String finding) {
        return transactions.execute(status -> {
            Optional<Rectification> issued = insert(provider, feed, issue, month, finding, Rectification.SYSTEM);
            if (issued.isPresent()) {
                return issued;
            }
            long id = jdbc.sql("""
                    select id from sharing.rectification
                     where provider = :provider and feed = :feed and issue = :issue and data_month = :month
                       and status = 'OPEN' for update""")
                    .param("provider", provider).param("feed", feed).param("issue", issue.name())
                    .param("month", month.atDay(1)).query(Long.class).single();
            Rectification open = find(id, LocalDate.now(clock)).orElseThrow();
            String again = FOUND_AGAIN + finding;
            if (open.finding().equals(finding) || open.notes().stream().anyMatch(n -> n.note().equals(again))) {
                return Optional.<Rectification>empty();
            }
            addNote(id, Rectification.SYSTEM, again, false);
            return find(id, LocalDate.now(clock));
        });
    }

    private Optional<Rectification> insert(String provider, String feed, QualityIssue issue, YearMonth month,
            String finding, String openedBy) {
        LocalDate today = LocalDate.now(clock);
        Optional<Long> id = jdbc.sql("""
                insert into sharing.rectification (provider, feed, issue, data_month, finding, opened_by, opened_on,
                    deadline, status, recorded_at)
                values (:provider, :feed, :issue, :month, :finding, :openedBy, :today, :deadline, 'OPEN', :at)
                on conflict (provider, feed, issue, data_month) where status = 'OPEN' do nothing
                returning id""")
                .param("provider", provider).param("feed", feed).param("issue", issue.name())
                .param("month", month.atDay(1)).param("finding", finding).param("openedBy", openedBy)
                .param("today", today).param("deadline", today.plusDays(days))
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        return id.flatMap(i -> find(i, today));
    }

    @Override
    public Optional<Rectification> find(long id, LocalDate asOf) {
        // an open notice read after its deadline is overdue: derived, never stored
        return withNotes(jdbc.sql("""
                select id, provider, feed, issue, data_month, finding, opened_by, opened_on, deadline, closed_on,
                       case when status = 'OPEN' and deadline < :asOf then 'OVERDUE' else status end as seen_status
                  from sharing.rectification
                 where id = :id""").param("asOf", asOf).param("id", id)
                .query(JdbcRectifications::notice).list()).stream().findFirst();
    }

    @Override
    public List<Rectification> list(Optional<String> provider, Optional<RectificationStatus> status, LocalDate asOf) {
        return withNotes(jdbc.sql("""
                select * from (
                    select id, provider, feed, issue, data_month, finding, opened_by, opened_on, deadline, closed_on,
                           case when status = 'OPEN' and deadline < :asOf then 'OVERDUE' else status end as seen_status
                      from sharing.rectification) r
                 where (cast(:provider as varchar) is null or provider = :provider)
                   and (cast(:status as varchar) is null or seen_status = :status)
                 order by opened_on desc, id desc""")
                .param("asOf", asOf).param("provider", provider.orElse(null))
                .param("status", status.map(Enum::name).orElse(null))
                .query(JdbcRectifications::notice).list());
    }

    @Override
    public Rectification followUp(long id, String officer, String note) {
        return decide(id, officer, note, false);
    }

    @Override
    public Rectification close(long id, String officer, String note) {
        return decide(id, officer, note, true);
    }

    private Rectification decide(long id, String officer, String note, boolean closing) {
        List<String> problems = new ArrayList<>();
        requireText(officer, "须注明经办人 / the officer is required", problems);
        requireText(note, "须填写跟踪情况 / the note is required", problems);
        if (!problems.isEmpty()) {
            throw new QualityException(QualityException.Kind.INVALID, String.join("; ", problems));
        }
        LocalDate today = LocalDate.now(clock);
        return transactions.execute(tx -> {
            String stored = jdbc.sql("select status from sharing.rectification where id = :id for update")
                    .param("id", id).query(String.class).optional()
                    .orElseThrow(() -> new QualityException(QualityException.Kind.NOT_FOUND,
                            "没有整改要求 " + id + " / no rectification notice " + id));
            if (RectificationStatus.DONE.name().equals(stored)) {
                throw new QualityException(QualityException.Kind.CONFLICT,
                        "整改要求 " + id + " 已整改完毕 / rectification notice " + id + " is already done");
            }
            addNote(id, officer.strip(), note.strip(), closing);
            if (closing) {
                jdbc.sql("update sharing.rectification set status = 'DONE', closed_on = :today where id = :id")
                        .param("today", today).param("id", id).update();
            }
            return find(id, today).orElseThrow();
        });
    }

    private void addNote(long id, String officer, String note, boolean closing) {
        jdbc.sql("""
                insert into sharing.rectification_note (rectification_id, seq, noted_on, officer, note, closing, recorded_at)
                select :id, coalesce(max(seq), 0) + 1, :today, :officer, :note, :closing, :at
                  from sharing.rectification_note where rectification_id = :id""")
                .param("id", id).param("today", LocalDate.now(clock)).param("officer", officer).param("note", note)
                .param("closing", closing).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private List<Rectification> withNotes(List<Rectification> notices) {
        if (notices.isEmpty()) {
            return notices;
        }
        Map<Long, List<FollowUp>> notes = new HashMap<>();
        jdbc.sql("""
                select rectification_id, noted_on, officer, note, closing from sharing.rectification_note
                 where rectification_id in (:ids) order by rectification_id, seq""")
                .param("ids", notices.stream().map(Rectification::id).toList())
                .query((rs, n) -> notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new FollowUp(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getBoolean(5))))
                .list();
        return notices.stream().map(r -> new Rectification(r.id(), r.provider(), r.feed(), r.issue(), r.month(),
                r.finding(), r.openedBy(), r.openedOn(), r.deadline(), r.status(), r.closedOn(),
                notes.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Rectification notice(ResultSet rs, int row) throws SQLException {
        java.sql.Date closed = rs.getDate("closed_on");
        return new Rectification(rs.getLong("id"), rs.getString("provider"), rs.getString("feed"),
                QualityIssue.valueOf(rs.getString("issue")), YearMonth.from(rs.getDate("data_month").toLocalDate()),
                rs.getString("finding"), rs.getString("opened_by"), rs.getDate("opened_on").toLocalDate(),
                rs.getDate("deadline").toLocalDate(), RectificationStatus.valueOf(rs.getString("seen_status")),
                Optional.ofNullable(closed).map(java.sql.Date::toLocalDate), List.of());
    }

    private static void requireText(String value, String problem, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem);
        }
    }
}
