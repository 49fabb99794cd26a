package org.vigil.sharing.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.RegionLevel;

/**
 * The provider registry in the {@code sharing} schema. Providers are few (dozens), so reading
 * the whole registry and assembling it in Java is simpler than joins and costs nothing.
 */
@Service
class JdbcProviderRegistry implements ProviderRegistry {

    static final Pattern PROVIDER_CODE = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final FeedRules feedRules;
    private final Clock clock;

    JdbcProviderRegistry(JdbcClient jdbc, FeedRules feedRules, Clock clock) {
        this.jdbc = jdbc;
        this.feedRules = feedRules;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Provider register(ProviderRegistration registration) {
        List<Violation> violations = new ArrayList<>();
        String code = registration.code();
        if (code == null || !PROVIDER_CODE.matcher(code).matches()) {
            violations.add(new Violation("code", RegisterProblem.PROVIDER_CODE, code == null ? "" : "'" + code + "'"));
        }
        String name = registration.name() == null ? "" : registration.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            violations.add(new Violation("name", RegisterProblem.DEPARTMENT_NAME, ""));
        }
        if (registration.level() == null) {
            violations.add(new Violation("level", RegisterProblem.LEVEL_MISSING, ""));
        }
        RegionCode region = checkRegion(registration.regionCode(), registration.level(), violations);
        if (!violations.isEmpty()) {
            throw new RegisterException(violations);
        }
        if (exists(code)) {
            throw RegisterException.of("code", RegisterProblem.PROVIDER_EXISTS, code);
        }
        try {
            jdbc.sql("""
                    insert into sharing.provider (code, name, level, region_code, registered_on, recorded_at)
                    values (:code, :name, :level, :region, :registeredOn, :recordedAt)""")
                    .param("code", code)
                    .param("name", name)
                    .param("level", registration.level().name())
                    .param("region", region.value())
                    .param("registeredOn", LocalDate.now(clock))
                    .param("recordedAt", now())
                    .update();
        }
        catch (DuplicateKeyException e) {
            // registered concurrently between the check and the insert
            throw RegisterException.of("code", RegisterProblem.PROVIDER_EXISTS, code);
        }
        return require(code);
    }

    /** The division code, checked for shape, existence in the division table and fit with the level. */
    private static RegionCode checkRegion(String raw, ProviderLevel level, List<Violation> violations) {
        Parsed<RegionCode> parsed = RegionCode.parse(raw);
        if (parsed instanceof Parsed.Invalid<RegionCode> invalid) {
            violations.add(Violation.of("regionCode", RegisterProblem.REGION_CODE, invalid.rejection()));
            return null;
        }
        RegionCode region = parsed.orElseThrow();
        // A provider is a body that exists now, so unlike an ID number's birthplace its division
        // must be in the current table. Communities (12 digits) are not in the shipped table: their
        // street must be.
        RegionCode listed = region.level() == RegionLevel.VILLAGE ? region.parent().orElseThrow() : region;
        if (RegionDirectory.standard().find(listed).isEmpty()) {
            violations.add(new Violation("regionCode", RegisterProblem.UNKNOWN_REGION, listed.value()));
        }
        else if (level != null && !level.fits(region.level())) {
            violations.add(new Violation("regionCode", RegisterProblem.LEVEL_REGION_MISMATCH,
                    region.value() + " is a " + region.level().english() + "-level division, the provider is "
                            + level.english() + "-level"));
        }
        return region;
    }

    @Override
    public Optional<Provider> find(String providerCode) {
        if (providerCode == null) {
            return Optional.empty();
        }
        List<Provider> providers = load(providerCode);
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }

    @Override
    public List<Provider> all() {
        return load(null);
    }

    @Override
    @Transactional
    public Provider configureFeed(String providerCode, FeedSetting setting) {
        requireExists(providerCode);
        List<Violation> violations = new ArrayList<>();
        String feedCode = setting.feedCode();
        Optional<FeedRules.FeedRule> rule = feedCode == null ? Optional.empty() : feedRules.find(feedCode);
        if (rule.isEmpty()) {
            violations.add(new Violation("feedCode", RegisterProblem.UNKNOWN_FEED, feedCode == null ? "" : feedCode));
            throw new RegisterException(violations);
        }
        AgeScope scope = setting.ageScope() == null ? AgeScope.EVERYONE : setting.ageScope();
        if (scope != AgeScope.EVERYONE && !rule.get().ageFilterAllowed()) {
            violations.add(new Violation("ageScope", RegisterProblem.AGE_FILTER_NOT_ALLOWED, feedCode));
        }
        Map<String, String> aliases = checkAliases(setting.aliases(), rule.get(), violations);
        if (!violations.isEmpty()) {
            throw new RegisterException(violations);
        }
        jdbc.sql("""
                insert into sharing.provider_feed (provider_code, feed_code, age_scope, configured_at)
                values (:provider, :feed, :scope, :at)
                on conflict (provider_code, feed_code) do update set age_scope = excluded.age_scope,
                    configured_at = excluded.configured_at""")
                .param("provider", providerCode)
                .param("feed", feedCode)
                .param("scope", scope.name())
                .param("at", now())
                .update();
        jdbc.sql("delete from sharing.provider_column_alias where provider_code = :provider and feed_code = :feed")
                .param("provider", providerCode)
                .param("feed", feedCode)
                .update();
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            jdbc.sql("""
                    insert into sharing.provider_column_alias (provider_code, feed_code, header, column_key)
                    values (:provider, :feed, :header, :key)""")
                    .param("provider", providerCode)
                    .param("feed", feedCode)
                    .param("header", alias.getKey())
                    .param("key", alias.getValue())
                    .update();
        }
        return require(providerCode);
    }

    /** The aliases with their header text stripped, after checking each names a column and none collide. */
    private Map<String, String> checkAliases(Map<String, String> aliases, FeedRules.FeedRule rule, List<Violation> violations) {
        Map<String, String> clean = new TreeMap<>();
        Map<String, String> byNormalised = new HashMap<>();
        for (Map.Entry<String, String> alias : new TreeMap<>(aliases).entrySet()) {
            String header = alias.getKey() == null ? "" : alias.getKey().strip();
            String field = "aliases[" + header + "]";
            String normalised = header.isEmpty() ? "" : feedRules.normaliseHeader(header);
            if (normalised.isEmpty()) {
                violations.add(new Violation(field, RegisterProblem.ALIAS_HEADER, ""));
                continue;
            }
            if (alias.getValue() == null || !rule.columnKeys().contains(alias.getValue())) {
                violations.add(new Violation(field, RegisterProblem.ALIAS_COLUMN,
                        "'" + alias.getValue() + "'; the feed's columns are " + new TreeSet<>(rule.columnKeys())));
                continue;
            }
            String earlier = byNormalised.putIfAbsent(normalised, header);
            if (earlier != null) {
                violations.add(new Violation(field, RegisterProblem.ALIAS_DUPLICATE,
                        "'" + earlier + "' and '" + header + "' read as the same header"));
                continue;
            }
            clean.put(header, alias.getValue());
        }
        return clean;
    }

    @Override
    @Transactional
    public Liaison appointLiaison(String providerCode, LiaisonAppointment appointment) {
        requireExists(providerCode);
        List<Violation> violations = new ArrayList<>();
        Parsed<PersonName> name = PersonName.parse(appointment.name());
        if (name instanceof Parsed.Invalid<PersonName> invalid) {
            violations.add(Violation.of("name", RegisterProblem.LIAISON_NAME, invalid.rejection()));
        }
        String post = appointment.post() == null ? "" : appointment.post().strip();
        if (post.isEmpty() || post.length() > MAX_NAME) {
            violations.add(new Violation("post", RegisterProblem.LIAISON_POST, ""));
        }
        Parsed<PhoneNumber> phone = PhoneNumber.parse(appointment.phone());
        if (phone instanceof Parsed.Invalid<PhoneNumber> invalid) {
            violations.add(Violation.of("phone", RegisterProblem.LIAISON_PHONE, invalid.rejection()));
        }
        if (appointment.servingFrom() == null) {
            violations.add(new Violation("servingFrom", RegisterProblem.DATE_MISSING, ""));
        }
        if (!violations.isEmpty()) {
            throw new RegisterException(violations);
        }
        long id = jdbc.sql("""
                insert into sharing.provider_liaison (provider_code, name, post, phone, serving_from, recorded_at)
                values (:provider, :name, :post, :phone, :from, :at)
                returning id""")
                .param("provider", providerCode)
                .param("name", name.orElseThrow().value())
                .param("post", post)
                .param("phone", phone.orElseThrow().value())
                .param("from", appointment.servingFrom())
                .param("at", now())
                .query(Long.class).single();
        return liaison(providerCode, id).orElseThrow();
    }

    @Override
    @Transactional
    public Liaison endLiaison(String providerCode, long liaisonId, LocalDate lastDay) {
        requireExists(providerCode);
        Liaison liaison = liaison(providerCode, liaisonId).orElseThrow(() ->
                RegisterException.of("liaisonId", RegisterProblem.UNKNOWN_LIAISON, providerCode + " #" + liaisonId));
        if (liaison.servingUntil().isPresent()) {
            throw RegisterException.of("liaisonId", RegisterProblem.LIAISON_ALREADY_ENDED,
                    "last day " + liaison.servingUntil().get());
        }
        if (lastDay == null) {
            throw RegisterException.of("lastDay", RegisterProblem.DATE_MISSING, "");
        }
        if (lastDay.isBefore(liaison.servingFrom())) {
            throw RegisterException.of("lastDay", RegisterProblem.LIAISON_DATES,
                    "serving from " + liaison.servingFrom() + ", last day " + lastDay);
        }
        jdbc.sql("update sharing.provider_liaison set serving_until = :until where id = :id and serving_until is null")
                .param("until", lastDay)
                .param("id", liaisonId)
                .update();
        return liaison(providerCode, liaisonId).orElseThrow();
    }

    @Override
    public Map<String, String> columnAliases(String providerCode, String feedCode) {
        Map<String, String> aliases = new TreeMap<>();
        jdbc.sql("""
                select header, column_key from sharing.provider_column_alias
                where provider_code = :provider and feed_code = :feed""")
                .param("provider", providerCode)
                .param("feed", feedCode)
                .query((rs, n) -> aliases.put(rs.getString("header"), rs.getString("column_key")))
                .list();
        return Collections.unmodifiableMap(aliases);
    }

    @Override
    public AgeScope ageScope(String providerCode, String feedCode) {
        return jdbc.sql("select age_scope from sharing.provider_feed where provider_code = :provider and feed_code = :feed")
                .param("provider", providerCode)
                .param("feed", feedCode)
                .query(String.class).optional()
                .map(AgeScope::valueOf)
                .orElse(AgeScope.EVERYONE);
    }

    /** The current instant as PostgreSQL's {@code timestamptz} takes it. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    boolean exists(String providerCode) {
        return providerCode != null && jdbc.sql("select count(*) from sharing.provider where code = :code")
                .param("code", providerCode).query(Long.class).single() > 0;
    }

    void requireExists(String providerCode) {
        if (!exists(providerCode)) {
            throw RegisterException.of("providerCode", RegisterProblem.UNKNOWN_PROVIDER, String.valueOf(providerCode));
        }
    }

    private Provider require(String code) {
        return find(code).orElseThrow();
    }

    private Optional<Liaison> liaison(String providerCode, long id) {
        return jdbc.sql("select * from sharing.provider_liaison where provider_code = :provider and id = :id")
                .param("provider", providerCode)
                .param("id", id)
                .query((rs, n) -> liaison(rs)).optional();
    }

    /** One provider, or every provider when {@code onlyCode} is null. */
    private List<Provider> load(String onlyCode) {
        Map<String, List<Liaison>> liaisons = new HashMap<>();
        jdbc.sql("""
                select * from sharing.provider_liaison
                where cast(:code as text) is null or provider_code = :code order by id""")
                .param("code", onlyCode)
                .query((rs, n) -> liaisons.computeIfAbsent(rs.getString("provider_code"), k -> new ArrayList<>()).add(liaison(rs)))
                .list();
        Map<String, Map<String, Map<String, String>>> aliases = new HashMap<>();
        jdbc.sql("""
                select provider_code, feed_code, header, column_key from sharing.provider_column_alias
                where cast(:code as text) is null or provider_code = :code""")
                .param("code", onlyCode)
                .query((rs, n) -> aliases.computeIfAbsent(rs.getString("provider_code"), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString("feed_code"), k -> new TreeMap<>())
                        .put(rs.getString("header"), rs.getString("column_key")))
                .list();
        Map<String, List<ProviderFeed>> feeds = new HashMap<>();
        jdbc.sql("""
                select provider_code, feed_code, age_scope from sharing.provider_feed
                where cast(:code as text) is null or provider_code = :code""")
                .param("code", onlyCode)
                .query((rs, n) -> {
                    String provider = rs.getString("provider_code");
                    String feed = rs.getString("feed_code");
                    return feeds.computeIfAbsent(provider, k -> new ArrayList<>()).add(new ProviderFeed(feed,
                            AgeScope.valueOf(rs.getString("age_scope")),
                            aliases.getOrDefault(provider, Map.of()).getOrDefault(feed, Map.of())));
                })
                .list();
        return jdbc.sql("""
                select code, name, level, region_code, registered_on from sharing.provider
                where cast(:code as text) is null or code = :code order by code""")
                .param("code", onlyCode)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    return new Provider(code, rs.getString("name"), ProviderLevel.valueOf(rs.getString("level")),
                            RegionCode.parse(rs.getString("region_code")).orElseThrow(),
                            rs.getObject("registered_on", LocalDate.class),
                            feeds.getOrDefault(code, List.of()), liaisons.getOrDefault(code, List.of()));
                })
                .list();
    }

    /** A roster entry as stored; the stored name and phone were checked when written. */
    private static Liaison liaison(ResultSet rs) throws SQLException {
        return new Liaison(rs.getLong("id"), PersonName.parse(rs.getString("name")).orElseThrow(), rs.getString("post"),
                PhoneNumber.parse(rs.getString("phone")).orElseThrow(), rs.getObject("serving_from", LocalDate.class),
                Optional.ofNullable(rs.getObject("serving_until", LocalDate.class)));
    }
}
