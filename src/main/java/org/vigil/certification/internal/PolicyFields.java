package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a policy file's YAML maps, strictly: a field of the wrong type or a field
 * the file may not have is an error naming it, never a silently kept default. Shared by the
 * certification and suspension policy loaders.
 */
final class PolicyFields {

    private PolicyFields() {
    }

    /** Refuses a map with a field not in {@code known}; the message starts with {@code prefix}. */
    static void onlyKnown(Map<?, ?> m, Set<String> known, String prefix) {
        for (Object key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(prefix + "unknown field " + key + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return String.valueOf(v);
    }

    static int number(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof Integer v)) {
            throw new IllegalArgumentException(field + " must be a whole number, found " + m.get(field));
        }
        return v;
    }

    static long whole(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Integer) && !(v instanceof Long)) {
            throw new IllegalArgumentException(field + " must be a whole number, found " + v);
        }
        return ((Number) v).longValue();
    }

    static List<Integer> numbers(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException(field + " must be a list of whole numbers");
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Integer v)) {
                throw new IllegalArgumentException(field + " must be a list of whole numbers, found " + o);
            }
            out.add(v);
        }
        return out;
    }

    /**
     * YAML reads 0.005 as a double; its shortest decimal form is the literal as written, which is
     * what limits are compared in, so no binary fraction reaches a decision.
     */
    static BigDecimal decimal(Map<?, ?> m, String field) {
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

    static boolean flag(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof Boolean v)) {
            throw new IllegalArgumentException(field + " must be true or false, found " + m.get(field));
        }
        return v;
    }

    static LocalDate date(Map<?, ?> m, String field) {
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
