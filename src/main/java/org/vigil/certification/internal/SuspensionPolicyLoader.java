package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.certification.SuspensionBreaker;
import org.vigil.certification.SuspensionPolicy;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the suspension policy file. As with the certification policy, a field the loader does not
 * know is an error naming the file, the version and the field, never a silently kept default.
 */
public final class SuspensionPolicyLoader {

    private static final Set<String> VERSION_FIELDS = Set.of("version", "effectiveFrom", "breaker", "lossMonthOwed");
    private static final Set<String> BREAKER_FIELDS = Set.of("maxShare", "maxDistrictShare", "maxSourceShare",
            "usualFactor", "usualFloor", "usualMonths", "minSuspensions");

    private SuspensionPolicyLoader() {
    }

    public static List<SuspensionPolicy> load(String yaml, String source) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        }
        catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> top) || !(top.get("versions") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": a suspension policy file has a non-empty list of versions");
        }
        List<SuspensionPolicy> versions = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(source + ": each version is a map of fields");
            }
            String where = source + ", version " + m.get("version");
            try {
                unknown(m, VERSION_FIELDS, "");
                if (!(m.get("breaker") instanceof Map<?, ?> b)) {
                    throw new IllegalArgumentException("breaker: the circuit breaker's limits are required");
                }
                unknown(b, BREAKER_FIELDS, "breaker: ");
                SuspensionBreaker.Limits limits = new SuspensionBreaker.Limits(share(b, "maxShare"),
                        share(b, "maxDistrictShare"), share(b, "maxSourceShare"), share(b, "usualFactor"),
                        whole(b, "usualFloor"));
                versions.add(new SuspensionPolicy(text(m, "version"), date(m, "effectiveFrom"), limits,
                        (int) whole(b, "usualMonths"), whole(b, "minSuspensions"), flag(m, "lossMonthOwed")));
            }
            catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return versions;
    }

    private static void unknown(Map<?, ?> m, Set<String> known, String prefix) {
        for (Object key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(prefix + "unknown field " + key + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * YAML reads 0.005 as a double; its shortest decimal form is the literal as written, which is
     * what the limits are compared in, so no binary fraction reaches a decision.
     */
    private static BigDecimal share(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Number) && !(v instanceof String)) {
            throw new IllegalArgumentException(field + " must be a number, found " + v);
        }
        try {
            return new BigDecimal(String.valueOf(v));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, found " + v);
        }
    }

    private static long whole(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Integer) && !(v instanceof Long)) {
            throw new IllegalArgumentException(field + " must be a whole number, found " + v);
        }
        return ((Number) v).longValue();
    }

    private static String text(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return String.valueOf(v);
    }

    private static boolean flag(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof Boolean v)) {
            throw new IllegalArgumentException(field + " must be true or false, found " + m.get(field));
        }
        return v;
    }

    private static LocalDate date(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v instanceof java.util.Date d) {
            // SnakeYAML reads an unquoted yyyy-MM-dd as a timestamp at midnight UTC
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return LocalDate.parse(String.valueOf(v));
    }
}
