package org.vigil.certification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.EvidenceEffect;
import org.vigil.certification.EvidenceRule;
import org.vigil.certification.EvidenceStrength;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a policy file into checked policy versions. Only known fields are accepted, so a misspelt
 * field is an error rather than a silently kept default; every message names the file, the
 * version and the field.
 */
public final class PolicyLoader {

    private static final Set<String> VERSION_FIELDS = Set.of("version", "effectiveFrom", "dependentMinorAge",
            "dependentPeriodMonths", "standardPeriodMonths", "maxPeriodMonths", "periodFromMinorAge", "ledgerMonths",
            "homeVisitAge", "runBeforeDay", "suspensionByDay", "investigateContradictions", "evidence");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("kind", "title", "effect", "strength", "benefits");

    private PolicyLoader() {
    }

    public static List<CertificationPolicy> load(String yaml, String source) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> top) || !(top.get("versions") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": a policy file has a non-empty list of versions");
        }
        List<CertificationPolicy> versions = new ArrayList<>();
        for (Object item : list) {
            versions.add(version(item, source));
        }
        return versions;
    }

    private static CertificationPolicy version(Object item, String source) {
        if (!(item instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": each version is a map of fields");
        }
        String where = source + ", version " + m.get("version");
        unknown(m, VERSION_FIELDS, where);
        try {
            Map<String, EvidenceRule> evidence = new LinkedHashMap<>();
            if (!(m.get("evidence") instanceof List<?> rules) || rules.isEmpty()) {
                throw new IllegalArgumentException("evidence: the catalogue lists at least one kind");
            }
            for (Object r : rules) {
                EvidenceRule rule = rule(r, where);
                if (evidence.put(rule.kind(), rule) != null) {
                    throw new IllegalArgumentException("evidence: kind " + rule.kind() + " is listed twice");
                }
            }
            return new CertificationPolicy(text(m, "version"), date(m, "effectiveFrom"), number(m, "dependentMinorAge"),
                    number(m, "dependentPeriodMonths"), number(m, "standardPeriodMonths"), number(m, "maxPeriodMonths"),
                    flag(m, "periodFromMinorAge"), numbers(m, "ledgerMonths"), number(m, "homeVisitAge"),
                    number(m, "runBeforeDay"), number(m, "suspensionByDay"), flag(m, "investigateContradictions"), evidence);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static EvidenceRule rule(Object r, String where) {
        if (!(r instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("evidence: each kind is a map of fields");
        }
        unknown(m, EVIDENCE_FIELDS, where + ", evidence " + m.get("kind"));
        Set<BenefitKind> benefits = EnumSet.noneOf(BenefitKind.class);
        if (m.get("benefits") instanceof List<?> names) {
            for (Object name : names) {
                benefits.add(BenefitKind.valueOf(String.valueOf(name)));
            }
        }
        return new EvidenceRule(text(m, "kind"), m.get("title") == null ? null : String.valueOf(m.get("title")),
                EvidenceEffect.valueOf(text(m, "effect")), EvidenceStrength.valueOf(text(m, "strength")), benefits);
    }

    private static void unknown(Map<?, ?> m, Set<String> known, String where) {
        for (Object key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown field " + key + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static String text(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return String.valueOf(v);
    }

    private static int number(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof Integer v)) {
            throw new IllegalArgumentException(field + " must be a whole number, found " + m.get(field));
        }
        return v;
    }

    private static boolean flag(Map<?, ?> m, String field) {
        if (!(m.get(field) instanceof Boolean v)) {
            throw new IllegalArgumentException(field + " must be true or false, found " + m.get(field));
        }
        return v;
    }

    private static List<Integer> numbers(Map<?, ?> m, String field) {
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
