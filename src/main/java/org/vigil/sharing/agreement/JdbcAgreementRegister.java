package org.vigil.sharing.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement register in the {@code sharing} schema, and the in-force rule ingestion asks
 * before taking in a delivery (SHARE-2).
 */
@Service
class JdbcAgreementRegister implements AgreementRegister {

    /** Letters (Chinese too), digits and the brackets of document numbers such as 吉社保协〔2018〕3号. */
    static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}_.\\-()（）〔〕\\[\\]【】]{1,64}");
    static final int MAX_NAME = 100;
    static final int MAX_REASON = 500;
    static final int MAX_FILE_NAME = 200;

    /** Of several agreements in force on a day, the one that lasts longest answers; then the newest. */
    private static final Comparator<Agreement> BEST_IN_FORCE = Comparator.comparing(Agreement::lastDayInForce)
            .thenComparing(Agreement::validFrom)
            .thenComparing(Agreement::number);

    private final JdbcClient jdbc;
    private final ProviderRegistry providers;
    private final ScanStore scans;
    private final Clock clock;

    JdbcAgreementRegister(JdbcClient jdbc, ProviderRegistry providers, ScanStore scans, Clock clock) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.scans = scans;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Agreement record(AgreementDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String number = draft.number();
        if (number == null || !NUMBER.matcher(number).matches()) {
            violations.add(new Violation("number", RegisterProblem.AGREEMENT_NUMBER, number == null ? "" : "'" + number + "'"));
        }
        String provider = draft.providerCode();
        if (provider == null || !JdbcProviderRegistry.PROVIDER_CODE.matcher(provider).matches()) {
            violations.add(new Violation("providerCode", RegisterProblem.PROVIDER_CODE, provider == null ? "" : "'" + provider + "'"));
        }
        String agency = draft.agencyName() == null ? "" : draft.agencyName().strip();
        if (agency.isEmpty() || agency.length() > MAX_NAME) {
            violations.add(new Violation("agencyName", RegisterProblem.AGENCY_NAME, ""));
        }
        checkDates(draft, violations);
        if (draft.feeds().isEmpty()) {
            violations.add(new Violation("feeds", RegisterProblem.NO_FEEDS, ""));
        }
        if (draft.purposes().isEmpty()) {
            violations.add(new Violation("purposes", RegisterProblem.NO_PURPOSE, ""));
        }
        Optional<Provider> registered = violations.stream().anyMatch(v -> v.field().equals("providerCode"))
                ? Optional.empty() : providers.find(provider);
        if (registered.isPresent()) {
            for (int i = 0; i < draft.feeds().size(); i++) {
                String feed = draft.feeds().get(i);
                if (registered.get().feed(feed).isEmpty()) {
                    violations.add(new Violation("feeds[" + i + "]", RegisterProblem.FEED_NOT_DELIVERED, provider + " / " + feed));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RegisterException(violations);
        }
        if (registered.isEmpty()) {
            throw RegisterException.of("providerCode", RegisterProblem.UNKNOWN_PROVIDER, provider);
        }
        if (find(number).isPresent()) {
            throw RegisterException.of("number", RegisterProblem.AGREEMENT_EXISTS, number);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into sharing.agreement (number, provider_code, agency_name, signed_on, valid_from, valid_to,
                        recorded_at)
                    values (:number, :provider, :agency, :signedOn, :validFrom, :validTo, :at)
                    returning id""")
                    .param("number", number)
                    .param("provider", provider)
                    .param("agency", agency)
                    .param("signedOn", draft.signedOn())
                    .param("validFrom", draft.validFrom())
                    .param("validTo", draft.validTo())
                    .param("at", now())
                    .query(Long.class).single();
        }
        catch (DuplicateKeyException e) {
            // recorded concurrently between the check and the insert
            throw RegisterException.of("number", RegisterProblem.AGREEMENT_EXISTS, number);
        }
        for (String feed : new LinkedHashSet<>(draft.feeds())) {
            jdbc.sql("insert into sharing.agreement_feed (agreement_id, provider_code, feed_code) values (:id, :provider, :feed)")
                    .param("id", id)
                    .param("provider", provider)
                    .param("feed", feed)
                    .update();
        }
        for (AgreementPurpose purpose : EnumSet.copyOf(draft.purposes())) {
            jdbc.sql("insert into sharing.agreement_purpose (agreement_id, purpose) values (:id, :purpose)")
                    .param("id", id)
                    .param("purpose", purpose.name())
                    .update();
        }
        return find(number).orElseThrow();
    }

    private void checkDates(AgreementDraft draft, List<Violation> violations) {
        if (draft.signedOn() == null) {
            violations.add(new Violation("signedOn", RegisterProblem.DATE_MISSING, ""));
        }
        else if (draft.signedOn().isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("signedOn", RegisterProblem.SIGNED_IN_FUTURE, draft.signedOn().toString()));
        }
        if (draft.validFrom() == null) {
            violations.add(new Violation("validFrom", RegisterProblem.DATE_MISSING, ""));
        }
        if (draft.validTo() == null) {
            violations.add(new Violation("validTo", RegisterProblem.DATE_MISSING, ""));
        }
        if (draft.validFrom() != null && draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
            violations.add(new Violation("validTo", RegisterProblem.VALIDITY_ORDER,
                    "from " + draft.validFrom() + " to " + draft.validTo()));
        }
        if (draft.signedOn() != null && draft.validFrom() != null && draft.validFrom().isBefore(draft.signedOn())) {
            violations.add(new Violation("validFrom", RegisterProblem.VALID_BEFORE_SIGNING,
                    "signed " + draft.signedOn() + ", valid from " + draft.validFrom()));
        }
    }

    @Override
    public Optional<Agreement> find(String number) {
        if (number == null) {
            return Optional.empty();
        }
        List<Agreement> found = load(jdbc.sql("select * from sharing.agreement where number = :number")
                .param("number", number)
                .query(Row::of).list());
        return found.stream().findFirst();
    }

    @Override
    public List<Agreement> ofProvider(String providerCode) {
        return load(jdbc.sql("select * from sharing.agreement where provider_code = :provider order by valid_from, number")
                .param("provider", providerCode)
                .query(Row::of).list());
    }

    @Override
    public AgreementCheck inForce(String providerCode, String feedCode, LocalDate on) {
        return check(providerCode, feedCode, on, null);
    }

    @Override
    public AgreementCheck inForce(String providerCode, String feedCode, LocalDate on, AgreementPurpose purpose) {
        return check(providerCode, feedCode, on, Objects.requireNonNull(purpose, "purpose"));
    }

    private AgreementCheck check(String providerCode, String feedCode, LocalDate on, AgreementPurpose purpose) {
        Objects.requireNonNull(on, "on");
        Optional<Provider> provider = providers.find(providerCode);
        if (provider.isEmpty()) {
            return RefusalText.refuse(providerCode, null, feedCode, on, RefusalReason.UNKNOWN_PROVIDER, null, null, null);
        }
        List<Agreement> covering = load(jdbc.sql("""
                select a.* from sharing.agreement a
                join sharing.agreement_feed f on f.agreement_id = a.id
                where a.provider_code = :provider and f.feed_code = :feed""")
                .param("provider", providerCode)
                .param("feed", feedCode)
                .query(Row::of).list());
        List<Agreement> inForce = covering.stream().filter(a -> a.inForceOn(on)).toList();
        String name = provider.get().name();
        if (!inForce.isEmpty()) {
            Agreement best = inForce.stream().max(BEST_IN_FORCE).orElseThrow();
            if (purpose == null) {
                return new AgreementCheck.InForce(providerCode, feedCode, on, best);
            }
            Optional<Agreement> permitting = inForce.stream().filter(a -> a.permits(purpose)).max(BEST_IN_FORCE);
            if (permitting.isPresent()) {
                return new AgreementCheck.InForce(providerCode, feedCode, on, permitting.get());
            }
            return RefusalText.refuse(providerCode, name, feedCode, on, RefusalReason.PURPOSE_NOT_PERMITTED, best, null, purpose);
        }
        // agreements terminated before they began were never in force and say nothing about this day
        Optional<Agreement> previous = covering.stream()
                .filter(Agreement::everInForce)
                .filter(a -> a.lastDayInForce().isBefore(on))
                .max(Comparator.comparing(Agreement::lastDayInForce).thenComparing(Agreement::number));
        Optional<Agreement> next = covering.stream()
                .filter(Agreement::everInForce)
                .filter(a -> a.validFrom().isAfter(on))
                .min(Comparator.comparing(Agreement::validFrom).thenComparing(Agreement::number));
        RefusalReason reason;
        if (previous.isPresent()) {
            Agreement last = previous.get();
            boolean endedEarly = last.termination().isPresent() && last.lastDayInForce().isBefore(last.validTo());
            reason = endedEarly ? RefusalReason.TERMINATED : RefusalReason.EXPIRED;
        }
        else {
            reason = next.isPresent() ? RefusalReason.NOT_YET_IN_FORCE : RefusalReason.NO_AGREEMENT;
        }
        return RefusalText.refuse(providerCode, name, feedCode, on, reason, previous.orElse(null), next.orElse(null), null);
    }

    @Override
    public List<ExpiringAgreement> expiring(LocalDate asOf, Period within) {
        Objects.requireNonNull(asOf, "asOf");
        if (within.isNegative()) {
            throw new IllegalArgumentException("the window looks ahead, found " + within);
        }
        LocalDate until = asOf.plus(within);
        List<Agreement> ending = load(jdbc.sql("""
                select * from sharing.agreement
                where terminated_from is null and valid_to between :asOf and :until
                order by valid_to, number""")
                .param("asOf", asOf)
                .param("until", until)
                .query(Row::of).list());
        Map<String, List<Agreement>> byProvider = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<ExpiringAgreement> result = new ArrayList<>();
        for (Agreement a : ending) {
            List<Agreement> siblings = byProvider.computeIfAbsent(a.providerCode(), this::ofProvider);
            String name = names.computeIfAbsent(a.providerCode(),
                    code -> providers.find(code).map(Provider::name).orElse(code));
            result.add(new ExpiringAgreement(a.number(), a.providerCode(), name, a.validTo(),
                    ChronoUnit.DAYS.between(asOf, a.validTo()), a.feeds(), renewal(a, siblings)));
        }
        return result;
    }

    /** A later agreement that takes over every feed of {@code ending} without a day's gap. */
    private static Optional<String> renewal(Agreement ending, List<Agreement> siblings) {
        LocalDate dayAfter = ending.validTo().plusDays(1);
        return siblings.stream()
                .filter(s -> !s.number().equals(ending.number()))
                .filter(Agreement::everInForce)
                .filter(s -> !s.validFrom().isAfter(dayAfter) && s.lastDayInForce().isAfter(ending.validTo()))
                .filter(s -> s.feeds().containsAll(ending.feeds()))
                .min(Comparator.comparing(Agreement::validFrom).thenComparing(Agreement::number))
                .map(Agreement::number);
    }

    @Override
    @Transactional
    public Agreement terminate(String number, LocalDate effectiveFrom, String reason) {
        Agreement agreement = require(number);
        if (agreement.termination().isPresent()) {
            throw RegisterException.of("number", RegisterProblem.ALREADY_TERMINATED,
                    "from " + agreement.termination().get().effectiveFrom());
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (effectiveFrom == null) {
            violations.add(new Violation("effectiveFrom", RegisterProblem.DATE_MISSING, ""));
        }
        else if (effectiveFrom.isBefore(today)) {
            // deliveries already taken in under the agreement stay lawful: no backdating
            violations.add(new Violation("effectiveFrom", RegisterProblem.TERMINATION_DATE,
                    effectiveFrom + " is before today, " + today));
        }
        else if (effectiveFrom.isAfter(agreement.validTo())) {
            violations.add(new Violation("effectiveFrom", RegisterProblem.TERMINATION_DATE,
                    effectiveFrom + " is after the agreement ends on " + agreement.validTo()));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            violations.add(new Violation("reason", RegisterProblem.TERMINATION_REASON, ""));
        }
        if (!violations.isEmpty()) {
            throw new RegisterException(violations);
        }
        int updated = jdbc.sql("""
                update sharing.agreement set terminated_from = :from, termination_reason = :reason, terminated_at = :at
                where number = :number and terminated_from is null""")
                .param("from", effectiveFrom)
                .param("reason", why)
                .param("at", now())
                .param("number", number)
                .update();
        if (updated == 0) {
            throw RegisterException.of("number", RegisterProblem.ALREADY_TERMINATED, number);
        }
        return require(number);
    }

    /**
     * Not one transaction: the upload may take a while and must not hold a connection; the single
     * guarded update below is atomic by itself.
     */
    @Override
    public Agreement attachScan(String number, InputStream content, String fileName) {
        Agreement agreement = require(number);
        ScanStore.Stored stored = scans.store(content);
        if (agreement.scan().isPresent()) {
            return sameScanOrRefuse(agreement, stored);
        }
        int updated = jdbc.sql("""
                update sharing.agreement set scan_sha256 = :sha, scan_bytes = :bytes, scan_format = :format,
                    scan_file_name = :name, scan_attached_at = :at
                where number = :number and scan_sha256 is null""")
                .param("sha", stored.sha256())
                .param("bytes", stored.bytes())
                .param("format", stored.format().name())
                .param("name", displayName(fileName, stored.format()))
                .param("at", now())
                .param("number", number)
                .update();
        Agreement after = require(number);
        return updated == 1 ? after : sameScanOrRefuse(after, stored);
    }

    private static Agreement sameScanOrRefuse(Agreement agreement, ScanStore.Stored stored) {
        AgreementScan kept = agreement.scan().orElseThrow();
        if (kept.sha256().equals(stored.sha256())) {
            return agreement;
        }
        throw RegisterException.of("scan", RegisterProblem.SCAN_ALREADY_ATTACHED,
                "kept " + kept.sha256() + ", offered " + stored.sha256());
    }

    /** The last path segment of the uploader's name, without control characters, for display only. */
    private static String displayName(String fileName, ScanFormat format) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return "scan." + format.extension();
        }
        return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
    }

    @Override
    public Optional<ScanContent> openScan(String number) {
        Optional<AgreementScan> scan = find(number).flatMap(Agreement::scan);
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        // the register says a scan was kept: its file missing means the store was damaged (DATA-18)
        Path path = scans.find(scan.get().sha256()).orElseThrow(() -> new IllegalStateException(
                "the scan " + scan.get().sha256() + " of agreement " + number + " is missing from the scan store"));
        try {
            return Optional.of(new ScanContent(scan.get(), Files.newInputStream(path)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the scan of agreement " + number, e);
        }
    }

    private Agreement require(String number) {
        return find(number).orElseThrow(() -> RegisterException.of("number", RegisterProblem.UNKNOWN_AGREEMENT,
                String.valueOf(number)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Completes agreement rows with their feeds and purposes, keeping the rows' order. */
    private List<Agreement> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> feeds = new HashMap<>();
        jdbc.sql("select agreement_id, feed_code from sharing.agreement_feed where agreement_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> feeds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, Set<AgreementPurpose>> purposes = new HashMap<>();
        jdbc.sql("select agreement_id, purpose from sharing.agreement_purpose where agreement_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> purposes.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(AgreementPurpose.class))
                        .add(AgreementPurpose.valueOf(rs.getString(2))))
                .list();
        return rows.stream().map(r -> r.agreement(feeds.getOrDefault(r.id(), List.of()),
                purposes.getOrDefault(r.id(), Set.of()))).toList();
    }

    /** An agreement row before its feeds and purposes are read. */
    private record Row(long id, String number, String provider, String agency, LocalDate signedOn, LocalDate validFrom,
            LocalDate validTo, Optional<AgreementScan> scan, Optional<Termination> termination) {

        static Row of(ResultSet rs, int rowNum) throws SQLException {
            String sha = rs.getString("scan_sha256");
            Optional<AgreementScan> scan = sha == null ? Optional.empty() : Optional.of(new AgreementScan(sha,
                    rs.getLong("scan_bytes"), ScanFormat.valueOf(rs.getString("scan_format")), rs.getString("scan_file_name"),
                    rs.getObject("scan_attached_at", OffsetDateTime.class).toInstant()));
            LocalDate terminated = rs.getObject("terminated_from", LocalDate.class);
            Optional<Termination> termination = terminated == null ? Optional.empty() : Optional.of(new Termination(
                    terminated, rs.getString("termination_reason"),
                    rs.getObject("terminated_at", OffsetDateTime.class).toInstant()));
            return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("provider_code"),
                    rs.getString("agency_name"), rs.getObject("signed_on", LocalDate.class),
                    rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), scan, termination);
        }

        Agreement agreement(List<String> feeds, Set<AgreementPurpose> purposes) {
            return new Agreement(number, provider, agency, signedOn, validFrom, validTo, feeds, purposes, scan, termination);
        }
    }
}
