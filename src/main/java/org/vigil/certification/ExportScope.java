package org.vigil.certification;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a controlled export of certification data holds (DATA-9): a month's lists (optionally one
 * list) or one of its ledgers, for the whole city or one district. It travels with the export
 * request as its filter and is read back from it when the file is produced.
 */
public record ExportScope(Kind kind, YearMonth month, Optional<String> district, Optional<EligibilityStatus> status,
        Optional<LedgerKind> ledger) {

    /** The export kinds certification produces, as the export request names them. */
    public enum Kind {
        LIST("certification-list", "认证名单"),
        LEDGER("certification-ledger", "认证台账");

        private final String code;
        private final String chinese;

        Kind(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static Optional<Kind> ofCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public ExportScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ledger, "ledger");
        // the divisions checked as the lists check them: six digits
        district = new ListQuery(month, Optional.empty(), district, Optional.empty(), Optional.empty()).district();
        if (kind == Kind.LEDGER && ledger.isEmpty()) {
            throw new IllegalArgumentException("a ledger export names its ledger: due, verify or home-visit / 请选择台账类别");
        }
        if (kind == Kind.LEDGER && status.isPresent()) {
            throw new IllegalArgumentException("a ledger has no list status to filter by / 台账不按名单筛选");
        }
        if (kind == Kind.LIST && ledger.isPresent()) {
            throw new IllegalArgumentException("a list export names no ledger / 名单导出无需台账类别");
        }
    }

    public ListQuery listQuery() {
        return new ListQuery(month, status, district, Optional.empty(), Optional.empty());
    }

    public LedgerQuery ledgerQuery() {
        return new LedgerQuery(month, ledger.orElseThrow(), district, Optional.empty(), Optional.empty());
    }

    /** The scope as the export request keeps it. */
    public Map<String, String> filter() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("month", month.toString());
        district.ifPresent(d -> f.put("district", d));
        status.ifPresent(s -> f.put("status", s.name()));
        ledger.ifPresent(l -> f.put("ledger", l.name()));
        return f;
    }

    /** Reads back what {@link #filter()} wrote for a request of that kind. */
    public static ExportScope of(String kindCode, Map<String, String> filter) {
        Kind kind = Kind.ofCode(kindCode).orElseThrow(() -> new IllegalArgumentException(
                "certification does not produce exports of kind " + kindCode));
        try {
            return new ExportScope(kind, YearMonth.parse(filter.get("month")),
                    Optional.ofNullable(filter.get("district")),
                    Optional.ofNullable(filter.get("status")).map(EligibilityStatus::valueOf),
                    Optional.ofNullable(filter.get("ledger")).map(LedgerKind::valueOf));
        }
        catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("the export's filter names no month: " + filter, e);
        }
    }

    /** The file's name: what, which month and district, and the request's number. */
    public String fileName(String number) {
        String what = kind == Kind.LIST ? "certification" : "ledger-" + ledger.orElseThrow().code();
        return what + "-" + month + district.map(d -> "-" + d).orElse("")
                + status.map(s -> "-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse("")
                + "-" + number + ".xlsx";
    }
}
