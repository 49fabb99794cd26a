package org.vigil.sharing.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.IdKeys;
import org.vigil.sharing.EvidenceItem;
import org.vigil.sharing.EvidenceItem.Provenance;
import org.vigil.sharing.SharedEvidence;
import org.vigil.sharing.catalogue.ColumnDefinition;
import org.vigil.sharing.catalogue.ColumnRole;
import org.vigil.sharing.catalogue.FactKind;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.vault.PersonVault;

/**
 * Reads facts and life signs in one query ordered by ID number, and turns each person's rows into
 * evidence as soon as the next person begins: only one person's rows are ever held. The driver
 * fetches {@value #FETCH_SIZE} rows at a time, which it does only inside a transaction.
 */
@Service
class JdbcSharedEvidence implements SharedEvidence {

    static final int FETCH_SIZE = 5_000;
    static final String SORT_MEMORY = "64MB";

    /** The facts that bear on a benefit; households, employers, students and the like do not. */
    static final List<String> EVIDENCE_FACTS = List.of(FactKind.DEATH.name(), FactKind.SENTENCE.name(),
            FactKind.PRISON_ADMISSION.name(), FactKind.PRISON_RELEASE.name(), FactKind.PRISONER.name(),
            FactKind.ENROLLMENT.name(), FactKind.ADOPTION.name(), FactKind.MARRIAGE.name(), FactKind.ENLISTMENT.name(),
            FactKind.WAGE.name(), FactKind.CONSTRUCTION_WORKER.name(), FactKind.ESTABLISHED_POST.name());

    /** The court feed's penalty column and the one penalty served at liberty (feeds.yml, sentence.court). */
    static final String PENALTY = "penalty";
    static final String AT_LIBERTY = "管制";
    /** The marriage feed's kind column and the registration that is no marriage (feeds.yml, registry.marriage). */
    static final String REGISTRATION_KIND = "kind";
    static final String DIVORCE = "离婚登记";
    static final String MARRIAGE_FEED = "registry.marriage";

    /**
     * Life signs: per person and feed the latest on or before the as-of date (the table keeps one
     * per month). Facts: every one on or before it. A marriage names two people, each of whom may
     * be a widowed spouse, so it is evidence about both. The outer sort is by the bytes of the ID,
     * whatever the database's collation, because callers walk their own lists in that order.
     */
    private static final String EVIDENCE = """
            with signs as (
                select distinct on (l.id_number, l.feed) l.id_number, l.feed, l.event_date, l.delivery_id, l.row_no
                  from sharing.life_sign l
                  join sharing.delivery d on d.id = l.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where l.month <= :asOf and l.event_date <= :asOf
                   and (cast(:person as text) is null or l.id_number = :person)
                 order by l.id_number, l.feed, l.event_date desc, l.delivery_id, l.row_no
            )
            select e.* from (
                select s.id_number, 'LIFE_SIGN' as fact, s.feed, s.event_date, null::date as end_date, d.provider,
                       s.delivery_id, s.row_no
                  from signs s join sharing.delivery d on d.id = s.delivery_id
                union all
                select f.id_number, f.kind, d.feed, coalesce(f.event_date, d.as_of), f.end_date, d.provider,
                       f.delivery_id, f.row_no
                  from sharing.fact f
                  join sharing.delivery d on d.id = f.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where f.id_number is not null and f.kind in (:kinds)
                   and coalesce(f.event_date, d.as_of) <= :asOf
                   and not (f.kind = 'SENTENCE' and coalesce(f.attributes ->> :penalty, '') = :atLiberty)
                   and not (f.kind = 'MARRIAGE' and coalesce(f.attributes ->> :registrationKind, '') = :divorce)
                   and (cast(:person as text) is null or f.id_number = :person)
                union all
                select f.attributes ->> :otherParty, f.kind, d.feed, coalesce(f.event_date, d.as_of), f.end_date,
                       d.provider, f.delivery_id, f.row_no
                  from sharing.fact f
                  join sharing.delivery d on d.id = f.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where f.kind = 'MARRIAGE' and f.attributes ->> :otherParty is not null
                   and coalesce(f.event_date, d.as_of) <= :asOf
                   and coalesce(f.attributes ->> :registrationKind, '') <> :divorce
                   and (cast(:person as text) is null or f.attributes ->> :otherParty = :person)
            ) e
            order by e.id_number collate "C", e.event_date, e.delivery_id, e.row_no""";

    private static final Comparator<EvidenceItem> ORDER = Comparator.comparing(EvidenceItem::date)
            .thenComparing(EvidenceItem::kind)
            .thenComparingLong(i -> i.source().deliveryId())
            .thenComparingLong(i -> i.source().row());

    private final JdbcClient jdbc;
    private final PersonVault vault;
    private final String otherParty;

    JdbcSharedEvidence(JdbcClient jdbc, PersonVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        // the spouse who is not the file's subject: the catalogue names the column
        this.otherParty = FeedCatalogue.standard().find(MARRIAGE_FEED)
                .flatMap(f -> f.columnFor(ColumnRole.OTHER_PARTY_ID)).map(ColumnDefinition::key)
                .orElseThrow(() -> new IllegalStateException("the catalogue's " + MARRIAGE_FEED + " names no other party"));
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public void forEachPerson(LocalDate asOf, PersonVisitor visitor) {
        Objects.requireNonNull(asOf, "asOf");
        read(asOf, null, visitor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceItem> about(String idNumber, LocalDate asOf) {
        Objects.requireNonNull(idNumber, "idNumber");
        List<EvidenceItem> found = new ArrayList<>();
        read(asOf, idNumber, (id, items) -> found.addAll(items));
        return found;
    }

    // Interim (ADR 0035 step 4 replaces it): the evidence is still stored by ID number, so the
    // numbered walk is gathered and sorted in memory here; sharing's rows move to person numbers next.
    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public void forEachPersonByNumber(LocalDate asOf, NumberedVisitor visitor) {
        Objects.requireNonNull(asOf, "asOf");
        TreeMap<Long, List<EvidenceItem>> byNumber = new TreeMap<>();
        read(asOf, null, (id, items) -> byNumber.put(vault.numberOf(IdKeys.ofAscii(
                id.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0)), items));
        byNumber.forEach(visitor::visit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceItem> about(long person, LocalDate asOf) {
        return about(vault.idNumber(person), asOf);
    }

    private void read(LocalDate asOf, String person, PersonVisitor visitor) {
        if (person == null) {
            // the sort of every sign and fact spills to disk at the default 4 MB and then takes more
            // than twice as long (4.1 s against 1.7 s for a city of 200,000); this transaction only
            jdbc.sql("select set_config('work_mem', :mem, true)").param("mem", SORT_MEMORY).query(String.class).single();
        }
        PersonRows rows = new PersonRows(asOf, visitor);
        jdbc.sql(EVIDENCE).withFetchSize(FETCH_SIZE)
                // what was known by the as-of date: deliveries of later data months, however early
                // their events, do not change a past month's run when it is replayed
                .param("asOf", asOf).param("knownMonth", asOf.withDayOfMonth(1)).param("person", person).param("kinds", EVIDENCE_FACTS)
                .param("penalty", PENALTY).param("atLiberty", AT_LIBERTY)
                .param("registrationKind", REGISTRATION_KIND).param("divorce", DIVORCE)
                .param("otherParty", otherParty)
                .query(rows::add);
        rows.flush();
    }

    /** One row of the query. */
    record Row(String fact, String feed, LocalDate date, LocalDate end, Provenance source) {
    }

    /** Collects the rows of the current person and hands them on, as evidence, when the next one begins. */
    static final class PersonRows {

        private final LocalDate asOf;
        private final PersonVisitor visitor;
        private final List<Row> rows = new ArrayList<>();
        private String person;

        PersonRows(LocalDate asOf, PersonVisitor visitor) {
            this.asOf = asOf;
            this.visitor = visitor;
        }

        void add(ResultSet rs) throws SQLException {
            String id = rs.getString(1);
            if (!id.equals(person)) {
                flush();
                person = id;
            }
            rows.add(new Row(rs.getString(2), rs.getString(3), date(rs.getDate(4)), date(rs.getDate(5)),
                    new Provenance(rs.getString(6), rs.getString(3), rs.getLong(7), rs.getLong(8))));
        }

        void flush() {
            if (person != null && !rows.isEmpty()) {
                visitor.visit(person, evidence(person, rows, asOf));
            }
            rows.clear();
        }
    }

    /** A person's rows as evidence: signs and facts under their feed's code, a prison's rows paired. */
    static List<EvidenceItem> evidence(String person, List<Row> rows, LocalDate asOf) {
        List<EvidenceItem> items = new ArrayList<>(rows.size());
        List<Row> prison = null;
        for (Row r : rows) {
            if (r.fact().equals(FactKind.PRISON_ADMISSION.name()) || r.fact().equals(FactKind.PRISON_RELEASE.name())) {
                if (prison == null) {
                    prison = new ArrayList<>(2);
                }
                prison.add(r);
            }
            else if (r.fact().equals(FactKind.LIFE_SIGN.name())) {
                items.add(new EvidenceItem(person, lifeKind(r.feed()), r.date(), null, r.source(), null));
            }
            else {
                items.add(new EvidenceItem(person, r.feed(), r.date(), r.end(), r.source(), null));
            }
        }
        if (prison != null) {
            items.addAll(custody(person, prison, asOf));
        }
        items.sort(ORDER);
        return items;
    }

    /**
     * A sign of life keeps its feed's code; a feed of another class that also states visits
     * (the community report, class DEATH) gives them the {@code life.} kind of the same name.
     */
    static String lifeKind(String feed) {
        if (feed.startsWith("life.")) {
            return feed;
        }
        return "life." + feed.substring(feed.indexOf('.') + 1);
    }

    /**
     * Pairs a prison's rows by the admission date they share (a release row repeats the admission
     * date of its stay): one interval per stay, from the admission row when there is one, ended by
     * the earliest release dated on or before the as-of date. A release after the as-of date has
     * not happened yet on that date, so the stay is still open then.
     */
    static List<EvidenceItem> custody(String person, List<Row> rows, LocalDate asOf) {
        Map<LocalDate, Row> opened = new TreeMap<>();
        Map<LocalDate, Row> closed = new TreeMap<>();
        for (Row r : rows) {
            boolean release = r.fact().equals(FactKind.PRISON_RELEASE.name());
            if (release) {
                if (r.end() != null && !r.end().isAfter(asOf)) {
                    closed.merge(r.date(), r, (a, b) -> earlier(a.end(), b.end()) ? a : b);
                }
                opened.putIfAbsent(r.date(), r);
            }
            else {
                Row current = opened.get(r.date());
                if (current == null || current.fact().equals(FactKind.PRISON_RELEASE.name())
                        || first(r.source(), current.source())) {
                    opened.put(r.date(), r);
                }
            }
        }
        List<EvidenceItem> items = new ArrayList<>(opened.size());
        for (Map.Entry<LocalDate, Row> stay : opened.entrySet()) {
            Row start = stay.getValue();
            Row end = closed.get(stay.getKey());
            LocalDate last = end != null ? end.end() : (start.end() != null && !start.end().isAfter(asOf) ? start.end() : null);
            Provenance closedBy = end != null && end != start ? end.source() : null;
            items.add(new EvidenceItem(person, PRISON, stay.getKey(), last, start.source(), closedBy));
        }
        return items;
    }

    private static boolean earlier(LocalDate a, LocalDate b) {
        return !a.isAfter(b);
    }

    private static boolean first(Provenance a, Provenance b) {
        return a.deliveryId() < b.deliveryId() || (a.deliveryId() == b.deliveryId() && a.row() < b.row());
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
