package org.vigil.sharing.internal;

import java.nio.charset.StandardCharsets;
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
 * Reads facts and life signs in one query ordered by person number, and turns each person's rows
 * into evidence as soon as the next person begins: only one person's rows are ever held. The
 * driver fetches {@value #FETCH_SIZE} rows at a time, which it does only inside a transaction.
 * The rows name persons by the vault's number (DATA-15); each person's ID number is taken from the
 * vault's map, filled once per process, for the evidence items that carry it.
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
     * be a widowed spouse, so it is evidence about both (the other party's number is in the
     * fact's attributes). Sorted by person number, the order of the tables' person indexes.
     */
    private static final String EVIDENCE = """
            with signs as (
                select distinct on (l.person, l.feed) l.person, l.feed, l.event_date, l.delivery_id, l.row_no
                  from sharing.life_sign l
                  join sharing.delivery d on d.id = l.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where l.month <= :asOf and l.event_date <= :asOf
                   and (cast(:person as bigint) is null or l.person = :person)
                 order by l.person, l.feed, l.event_date desc, l.delivery_id, l.row_no
            )
            select e.* from (
                select s.person, 'LIFE_SIGN' as fact, s.feed, s.event_date, null::date as end_date, d.provider,
                       s.delivery_id, s.row_no
                  from signs s join sharing.delivery d on d.id = s.delivery_id
                union all
                select f.person, f.kind, d.feed, coalesce(f.event_date, d.as_of), f.end_date, d.provider,
                       f.delivery_id, f.row_no
                  from sharing.fact f
                  join sharing.delivery d on d.id = f.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where f.person is not null and f.kind in (:kinds)
                   and coalesce(f.event_date, d.as_of) <= :asOf
                   and not (f.kind = 'SENTENCE' and coalesce(f.attributes ->> :penalty, '') = :atLiberty)
                   and not (f.kind = 'MARRIAGE' and coalesce(f.attributes ->> :registrationKind, '') = :divorce)
                   and (cast(:person as bigint) is null or f.person = :person)
                union all
                select cast(f.attributes ->> :otherParty as bigint), f.kind, d.feed, coalesce(f.event_date, d.as_of),
                       f.end_date, d.provider, f.delivery_id, f.row_no
                  from sharing.fact f
                  join sharing.delivery d on d.id = f.delivery_id and d.status = 'APPLIED' and d.data_month <= :knownMonth
                 where f.kind = 'MARRIAGE' and f.attributes ->> :otherParty is not null
                   and coalesce(f.event_date, d.as_of) <= :asOf
                   and coalesce(f.attributes ->> :registrationKind, '') <> :divorce
                   and (cast(:person as bigint) is null or cast(f.attributes ->> :otherParty as bigint) = :person)
            ) e
            order by e.person, e.event_date, e.delivery_id, e.row_no""";

    private static final Comparator<EvidenceItem> ORDER = Comparator.comparing(EvidenceItem::date)
            .thenComparing(EvidenceItem::kind)
            .thenComparingLong(i -> i.source().deliveryId())
            .thenComparingLong(i -> i.source().row());

    private final JdbcClient jdbc;
    private final WarmVault vault;
    private final String otherParty;

    JdbcSharedEvidence(JdbcClient jdbc, WarmVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        // the spouse who is not the file's subject: the catalogue names the column, the fact its number
        this.otherParty = FeedCatalogue.standard().find(MARRIAGE_FEED)
                .flatMap(f -> f.columnFor(ColumnRole.OTHER_PARTY_ID)).map(ColumnDefinition::key)
                .map(FactRow::personKey)
                .orElseThrow(() -> new IllegalStateException("the catalogue's " + MARRIAGE_FEED + " names no other party"));
    }

    // Kept until the certification module walks by number (ADR 0035): the whole walk gathered and
    // sorted by ID text in memory, which a city of a million persons' evidence can afford once a month.
    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public void forEachPerson(LocalDate asOf, PersonVisitor visitor) {
        Objects.requireNonNull(asOf, "asOf");
        TreeMap<String, List<EvidenceItem>> byId = new TreeMap<>();
        read(asOf, null, (person, items) -> byId.put(vault.vault().idNumber(person), items));
        byId.forEach(visitor::visit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceItem> about(String idNumber, LocalDate asOf) {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(asOf, "asOf");
        long key = idNumber.length() == IdKeys.LENGTH
                ? IdKeys.ofAscii(idNumber.getBytes(StandardCharsets.US_ASCII), 0) : 0;
        if (key == 0) {
            return List.of();
        }
        // looked up without recording: an ID the vault never saw has no evidence
        return vault.vault().find(key).map(person -> about(person.longValue(), asOf)).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public void forEachPersonByNumber(LocalDate asOf, NumberedVisitor visitor) {
        Objects.requireNonNull(asOf, "asOf");
        read(asOf, null, visitor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceItem> about(long person, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<EvidenceItem> found = new ArrayList<>();
        read(asOf, person, (p, items) -> found.addAll(items));
        return found;
    }

    private void read(LocalDate asOf, Long person, NumberedVisitor visitor) {
        PersonVault persons;
        if (person == null) {
            // the sort of every sign and fact spills to disk at the default 4 MB and then takes more
            // than twice as long (4.1 s against 1.7 s for a city of 200,000); this transaction only
            jdbc.sql("select set_config('work_mem', :mem, true)").param("mem", SORT_MEMORY).query(String.class).single();
            // a walk names most persons: their ID numbers are opened in one pass, not one query each
            persons = vault.get();
        }
        else {
            persons = vault.vault();
        }
        PersonRows rows = new PersonRows(asOf, persons, visitor);
        jdbc.sql(EVIDENCE).withFetchSize(FETCH_SIZE)
                // what was known by the as-of date: deliveries of later data months, however early
                // their events, do not change a past month's run when it is replayed
                .param("asOf", asOf).param("knownMonth", asOf.withDayOfMonth(1)).param("person", person)
                .param("kinds", EVIDENCE_FACTS)
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
        private final PersonVault vault;
        private final NumberedVisitor visitor;
        private final List<Row> rows = new ArrayList<>();
        private long person;

        PersonRows(LocalDate asOf, PersonVault vault, NumberedVisitor visitor) {
            this.asOf = asOf;
            this.vault = vault;
            this.visitor = visitor;
        }

        void add(ResultSet rs) throws SQLException {
            long p = rs.getLong(1);
            if (p != person) {
                flush();
                person = p;
            }
            rows.add(new Row(rs.getString(2), rs.getString(3), date(rs.getDate(4)), date(rs.getDate(5)),
                    new Provenance(rs.getString(6), rs.getString(3), rs.getLong(7), rs.getLong(8))));
        }

        void flush() {
            if (person != 0 && !rows.isEmpty()) {
                visitor.visit(person, evidence(vault.idNumber(person), rows, asOf));
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
