package org.vigil.certification.internal;

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
        PolicyFields.onlyKnown(m, VERSION_FIELDS, where + ": ");
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
            return new CertificationPolicy(PolicyFields.text(m, "version"), PolicyFields.date(m, "effectiveFrom"), PolicyFields.number(m, "dependentMinorAge"),
                    PolicyFields.number(m, "dependentPeriodMonths"), PolicyFields.number(m, "standardPeriodMonths"), PolicyFields.number(m, "maxPeriodMonths"),
                    PolicyFields.flag(m, "periodFromMinorAge"), PolicyFields.numbers(m, "ledgerMonths"), PolicyFields.number(m, "homeVisitAge"),
                    PolicyFields.number(m, "runBeforeDay"), PolicyFields.number(m, "suspensionByDay"), PolicyFields.flag(m, "investigateContradictions"), evidence);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static EvidenceRule rule(Object r, String where) {
        if (!(r instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("evidence: each kind is a map of fields");
        }
        PolicyFields.onlyKnown(m, EVIDENCE_FIELDS, where + ", evidence " + m.get("kind") + ": ");
        Set<BenefitKind> benefits = EnumSet.noneOf(BenefitKind.class);
        if (m.get("benefits") instanceof List<?> names) {
            for (Object name : names) {
                benefits.add(BenefitKind.valueOf(String.valueOf(name)));
            }
        }
        return new EvidenceRule(PolicyFields.text(m, "kind"), m.get("title") == null ? null : String.valueOf(m.get("title")),
                EvidenceEffect.valueOf(PolicyFields.text(m, "effect")), EvidenceStrength.valueOf(PolicyFields.text(m, "strength")), benefits);
    }






}
