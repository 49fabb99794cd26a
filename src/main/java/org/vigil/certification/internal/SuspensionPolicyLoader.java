package org.vigil.certification.internal;

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
                PolicyFields.onlyKnown(m, VERSION_FIELDS, "");
                if (!(m.get("breaker") instanceof Map<?, ?> b)) {
                    throw new IllegalArgumentException("breaker: the circuit breaker's limits are required");
                }
                PolicyFields.onlyKnown(b, BREAKER_FIELDS, "breaker: ");
                SuspensionBreaker.Limits limits = new SuspensionBreaker.Limits(PolicyFields.decimal(b, "maxShare"),
                        PolicyFields.decimal(b, "maxDistrictShare"), PolicyFields.decimal(b, "maxSourceShare"),
                        PolicyFields.decimal(b, "usualFactor"), PolicyFields.whole(b, "usualFloor"));
                versions.add(new SuspensionPolicy(PolicyFields.text(m, "version"), PolicyFields.date(m, "effectiveFrom"),
                        limits, (int) PolicyFields.whole(b, "usualMonths"), PolicyFields.whole(b, "minSuspensions"),
                        PolicyFields.flag(m, "lossMonthOwed")));
            }
            catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return versions;
    }






}
