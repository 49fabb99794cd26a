package org.vigil.certification.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.Entitlement;
import org.vigil.identity.IdKeys;
import org.vigil.vault.PersonVault;

/**
 * Every recipient as the month's decisions need them, in the order of their person numbers (the
 * order the shared evidence comes in, ADR 0035), held in primitive columns: a few dozen bytes per recipient, so a
 * city's million recipients fit beside the run. The entitlement object is made only when a
 * recipient is decided.
 *
 * <p>The latest certification is the later of the baseline's and those recorded by runs of
 * <em>earlier</em> months, never the month's own: deciding a month again, even after later months
 * ran, starts from the same period (CERT-4, CERT-6).
 */
final class RunRecipients {

    static final int FETCH_SIZE = 10_000;
    private static final int NONE = Integer.MIN_VALUE;
    private static final BenefitKind[] BENEFITS = BenefitKind.values();
    private static final DependentRelation[] RELATIONS = DependentRelation.values();

    private static final String RECIPIENTS = """
            select r.id, r.person, r.benefit_kind, r.relation, r.benefit_start,
                   greatest(r.last_certified, h.certified_on) as certified, r.period_months
              from certification.recipient r
              left join (select recipient_id, max(certified_on) as certified_on
                           from certification.certification_history
                          where month < :month
                          group by recipient_id) h on h.recipient_id = r.id
             order by r.person, r.id""";

    private long[] keys = new long[1024];
    private long[] ids = new long[1024];
    private byte[] benefit = new byte[1024];
    private byte[] relation = new byte[1024];
    private int[] birth = new int[1024];
    private int[] start = new int[1024];
    private int[] certified = new int[1024];
    private byte[] granted = new byte[1024];
    private int size;

    private RunRecipients() {
    }

    /**
     * Reads the recipients for a month; the caller holds the transaction the driver streams in. The
     * birth dates come from the ID numbers, opened by the vault in one pass after the read (from its
     * map, once the run has preloaded it).
     */
    static RunRecipients load(JdbcClient jdbc, YearMonth month, PersonVault vault) {
        RunRecipients r = new RunRecipients();
        jdbc.sql(RECIPIENTS).withFetchSize(FETCH_SIZE).param("month", month.atDay(1)).query(rs -> {
            String relationName = rs.getString(4);
            Date last = rs.getDate(6);
            r.add(rs.getLong(1), rs.getLong(2), BenefitKind.valueOf(rs.getString(3)),
                    relationName == null ? null : DependentRelation.valueOf(relationName),
                    rs.getDate(5).toLocalDate(), last == null ? null : last.toLocalDate(), rs.getInt(7));
        });
        long[] idKeys = new long[r.size];
        if (r.size > 0) {
            vault.idKeysOf(r.keys, r.size, idKeys);
        }
        for (int i = 0; i < r.size; i++) {
            r.birth[i] = Persons.birthDay(idKeys[i]);
        }
        return r;
    }

    private void add(long id, long person, BenefitKind kind, DependentRelation rel, LocalDate benefitStart,
            LocalDate lastCertified, int grantedMonths) {
        if (size == keys.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, n);
            ids = Arrays.copyOf(ids, n);
            benefit = Arrays.copyOf(benefit, n);
            relation = Arrays.copyOf(relation, n);
            birth = Arrays.copyOf(birth, n);
            start = Arrays.copyOf(start, n);
            certified = Arrays.copyOf(certified, n);
            granted = Arrays.copyOf(granted, n);
        }
        keys[size] = person;
        ids[size] = id;
        benefit[size] = (byte) kind.ordinal();
        relation[size] = (byte) (rel == null ? -1 : rel.ordinal());
        start[size] = (int) benefitStart.toEpochDay();
        certified[size] = lastCertified == null ? NONE : (int) lastCertified.toEpochDay();
        granted[size] = (byte) grantedMonths;
        size++;
    }

    /** The ID's key, which sorts as the ID's text does; 0 for a text that is not a valid ID. */
    static long key(String idNumber) {
        byte[] ascii = idNumber.getBytes(StandardCharsets.US_ASCII);
        return ascii.length == IdKeys.LENGTH ? IdKeys.ofAscii(ascii, 0) : 0;
    }

    int size() {
        return size;
    }

    /** The recipient's person number: the order of the run. */
    long key(int i) {
        return keys[i];
    }

    int birthDay(int i) {
        return birth[i];
    }

    long recipientId(int i) {
        return ids[i];
    }

    Entitlement entitlement(int i) {
        return new Entitlement(BENEFITS[benefit[i]], relation[i] < 0 ? null : RELATIONS[relation[i]],
                LocalDate.ofEpochDay(birth[i]), LocalDate.ofEpochDay(start[i]),
                certified[i] == NONE ? null : LocalDate.ofEpochDay(certified[i]), granted[i]);
    }
}
