package org.vigil.sharing.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.identity.Parsed;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.ReviewItem;
import org.vigil.sharing.ReviewQueue;
import org.vigil.sharing.ReviewStatus;
import org.vigil.vault.PersonVault;

/** The review queue on this module's tables; a match writes the row's fact in the same transaction. */
@Repository
class JdbcReviewQueue implements ReviewQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonVault vault;
    private final SealedValues sealed;

    JdbcReviewQueue(JdbcClient jdbc, Clock clock, PersonVault vault, KeyService keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.vault = vault;
        this.sealed = new SealedValues(keys);
    }

    @Override
    public List<ReviewItem> open(Optional<String> provider, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 to 500");
        }
        return jdbc.sql("""
                select r.id, r.delivery_id, r.row_no, d.provider, d.feed, r.kind, r.name_sealed, r.gender, r.birth_date,
                       r.region_code, r.event_date, r.status, r.candidate_names
                  from sharing.review_item r join sharing.delivery d on d.id = r.delivery_id
                 where r.status = 'OPEN' and (cast(:provider as text) is null or d.provider = :provider)
                 order by r.delivery_id, r.row_no offset :offset limit :limit""")
                .param("provider", provider.orElse(null)).param("offset", offset).param("limit", limit)
                .query(this::item).list();
    }

    @Override
    public long countOpen(Optional<String> provider) {
        return jdbc.sql("""
                select count(*) from sharing.review_item r join sharing.delivery d on d.id = r.delivery_id
                 where r.status = 'OPEN' and (cast(:provider as text) is null or d.provider = :provider)""")
                .param("provider", provider.orElse(null)).query(Long.class).single();
    }

    @Override
    @Transactional
    public void match(long deliveryId, long row, String idNumber, String reviewer) {
        requireReviewer(reviewer);
        Parsed<ResidentId> parsed = ResidentId.parse(idNumber == null ? "" : idNumber, LocalDate.now(clock));
        if (!parsed.isValid()) {
            throw new IllegalArgumentException("not a valid ID number / 身份证号无效: "
                    + parsed.problem().orElseThrow().message());
        }
        Locked item = lock(deliveryId, row);
        // the chosen person is stored by vault number, recorded there if new (DATA-15)
        long person = vault.numberOf(IdKeys.of(parsed.orElseThrow()));
        boolean proposed = jdbc.sql("""
                select exists (select 1 from sharing.review_item r, jsonb_array_elements(r.candidates) c
                                where r.delivery_id = :delivery and r.row_no = :row and c->>'person' = :person)""")
                .param("delivery", deliveryId).param("row", row).param("person", Long.toString(person))
                .query(Boolean.class).single();
        if ("LIFE_SIGN".equals(item.kind())) {
            if (item.eventDate() == null) {
                throw new IllegalStateException("the row has no date, so it cannot be a life sign");
            }
            jdbc.sql("""
                    insert into sharing.life_sign (person, feed, month, event_date, delivery_id, row_no)
                    values (:person, :feed, :month, :date, :delivery, :row)
                    on conflict (person, feed, month) do nothing""")
                    .param("person", person).param("feed", item.feed()).param("month", item.eventDate().withDayOfMonth(1))
                    .param("date", item.eventDate()).param("delivery", deliveryId).param("row", row).update();
        }
        else {
            jdbc.sql("""
                    insert into sharing.fact (delivery_id, row_no, kind, person, linked, event_date, attributes)
                    select r.delivery_id, r.row_no, r.kind, :person, :linked, r.event_date,
                           jsonb_build_object('matched_by', cast(:reviewer as text))
                      from sharing.review_item r where r.delivery_id = :delivery and r.row_no = :row""")
                    .param("person", person).param("linked", proposed).param("reviewer", reviewer).param("delivery", deliveryId)
                    .param("row", row).update();
        }
        jdbc.sql("""
                update sharing.review_item set status = 'MATCHED', matched_person = :person, decided_by = :reviewer,
                       decided_at = :at
                 where delivery_id = :delivery and row_no = :row""")
                .param("person", person).param("reviewer", reviewer).param("at", Timestamp.from(clock.instant()))
                .param("delivery", deliveryId).param("row", row).update();
    }

    @Override
    @Transactional
    public void dismiss(long deliveryId, long row, String reviewer, String note) {
        requireReviewer(reviewer);
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("say why none of the persons is the one / 请说明理由");
        }
        lock(deliveryId, row);
        jdbc.sql("""
                update sharing.review_item set status = 'DISMISSED', decided_by = :reviewer, decided_at = :at,
                       decision_note = :note
                 where delivery_id = :delivery and row_no = :row""")
                .param("reviewer", reviewer).param("at", Timestamp.from(clock.instant())).param("note", note)
                .param("delivery", deliveryId).param("row", row).update();
    }

    private record Locked(String kind, LocalDate eventDate, String feed) {
    }

    private Locked lock(long deliveryId, long row) {
        record State(String status, Locked item) {
        }
        State state = jdbc.sql("""
                select r.status, r.kind, r.event_date, d.feed
                  from sharing.review_item r join sharing.delivery d on d.id = r.delivery_id
                 where r.delivery_id = :delivery and r.row_no = :row
                   for update of r""")
                .param("delivery", deliveryId).param("row", row)
                .query((rs, n) -> new State(rs.getString(1), new Locked(rs.getString(2), date(rs.getDate(3)), rs.getString(4))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no review item for delivery " + deliveryId + " row " + row));
        if (!"OPEN".equals(state.status())) {
            throw new IllegalStateException("review item for delivery " + deliveryId + " row " + row + " is "
                    + state.status() + ", not open");
        }
        return state.item();
    }

    private static void requireReviewer(String reviewer) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review decision needs the reviewer / 需要审核人");
        }
    }

    /** An open item as the reviewer sees it: its sealed name and the candidates' names opened for the page. */
    private ReviewItem item(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long delivery = rs.getLong("delivery_id");
        long row = rs.getLong("row_no");
        String joined = sealed.open(DeliveryStore.CANDIDATE_NAMES, id, rs.getBytes("candidate_names"));
        String[] names = joined == null ? new String[0] : joined.split(DeliveryStore.NAME_SEPARATOR, -1);
        List<ReviewItem.Candidate> candidates = jdbc.sql("""
                select c->>'person', c->>'score', c->>'reasons', i
                  from sharing.review_item r, jsonb_array_elements(r.candidates) with ordinality as e(c, i)
                 where r.delivery_id = :delivery and r.row_no = :row order by i""")
                .param("delivery", delivery).param("row", row)
                .query((c, i) -> new ReviewItem.Candidate(vault.idNumber(Long.parseLong(c.getString(1))),
                        i < names.length ? names[i] : null, Integer.parseInt(c.getString(2)),
                        c.getString(3).isEmpty() ? List.of() : Arrays.asList(c.getString(3).split(","))))
                .list();
        return new ReviewItem(delivery, row, rs.getString("provider"), rs.getString("feed"), rs.getString("kind"),
                Optional.ofNullable(sealed.open(DeliveryStore.REVIEW_NAME, id, rs.getBytes("name_sealed"))),
                Optional.ofNullable(rs.getString("gender")),
                Optional.ofNullable(date(rs.getDate("birth_date"))), Optional.ofNullable(rs.getString("region_code")),
                Optional.ofNullable(date(rs.getDate("event_date"))), candidates,
                ReviewStatus.valueOf(rs.getString("status")));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
