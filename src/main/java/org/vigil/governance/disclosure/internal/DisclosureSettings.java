package org.vigil.governance.disclosure.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffRole;

/**
 * The limits of disclosure and export ({@code vigil.disclosure.*}, {@code vigil.export.*}): reveals
 * per account and day by role, the enumeration watch's threshold and window, the export size above
 * which a second person approves, and exported rows per account and day by role. A role left out
 * of the configuration keeps its default; a role without the permission gets nothing whatever is
 * configured, since the permission is checked first.
 */
final class DisclosureSettings {

    /** Reveals a day for the roles that may unmask: enough for a day's cases, far from a list's worth. */
    static final Map<StaffRole, Integer> DEFAULT_REVEALS = Map.of(StaffRole.CITY_ADMINISTRATOR, 100,
            StaffRole.CITY_OFFICER, 300, StaffRole.DISTRICT_OFFICER, 200, StaffRole.STREET_WORKER, 100,
            StaffRole.COMMUNITY_WORKER, 50);
    /** Exported rows a day for the roles that may export: a city's lists, a district's, in one day. */
    static final Map<StaffRole, Long> DEFAULT_EXPORT_ROWS = Map.of(StaffRole.CITY_ADMINISTRATOR, 1_000_000L,
            StaffRole.CITY_OFFICER, 500_000L, StaffRole.DISTRICT_OFFICER, 100_000L);

    private final Map<StaffRole, Integer> reveals = new EnumMap<>(StaffRole.class);
    private final Map<StaffRole, Long> exportRows = new EnumMap<>(StaffRole.class);
    private final int enumerationThreshold;
    private final Duration enumerationWindow;
    private final long approvalThreshold;

    DisclosureSettings(DisclosureProperties disclosure, ExportProperties export) {
        for (StaffRole role : StaffRole.values()) {
            reveals.put(role, disclosure.quota().getOrDefault(role, DEFAULT_REVEALS.getOrDefault(role, 0)));
            exportRows.put(role, export.quota().getOrDefault(role, DEFAULT_EXPORT_ROWS.getOrDefault(role, 0L)));
            if (reveals.get(role) < 0 || exportRows.get(role) < 0) {
                throw new IllegalArgumentException("vigil.disclosure.quota and vigil.export.quota are 0 or more, found "
                        + reveals.get(role) + " and " + exportRows.get(role) + " for " + role);
            }
        }
        if (disclosure.enumeration().threshold() < 1) {
            throw new IllegalArgumentException("vigil.disclosure.enumeration.threshold must be at least 1");
        }
        if (disclosure.enumeration().window().isNegative() || disclosure.enumeration().window().isZero()) {
            throw new IllegalArgumentException("vigil.disclosure.enumeration.window must be a positive duration");
        }
        if (export.approvalThreshold() < 0) {
            throw new IllegalArgumentException("vigil.export.approval-threshold must be 0 or more");
        }
        this.enumerationThreshold = disclosure.enumeration().threshold();
        this.enumerationWindow = disclosure.enumeration().window();
        this.approvalThreshold = export.approvalThreshold();
    }

    int reveals(StaffRole role) {
        return role.may(Permission.UNMASK) ? reveals.get(role) : 0;
    }

    long exportRows(StaffRole role) {
        return role.may(Permission.EXPORT) ? exportRows.get(role) : 0;
    }

    int enumerationThreshold() {
        return enumerationThreshold;
    }

    Duration enumerationWindow() {
        return enumerationWindow;
    }

    long approvalThreshold() {
        return approvalThreshold;
    }

    /** {@code vigil.disclosure.*}. */
    @ConfigurationProperties("vigil.disclosure")
    record DisclosureProperties(Map<StaffRole, Integer> quota, Enumeration enumeration) {

        DisclosureProperties {
            quota = quota == null ? Map.of() : Map.copyOf(quota);
            enumeration = enumeration == null ? new Enumeration(null, null) : enumeration;
        }

        /** More than {@code threshold} reveals and look-ups by one account within {@code window} raise an alert. */
        record Enumeration(Integer threshold, Duration window) {

            Enumeration {
                threshold = threshold == null ? 20 : threshold;
                window = window == null ? Duration.ofMinutes(10) : window;
            }
        }
    }

    /** {@code vigil.export.*}. */
    @ConfigurationProperties("vigil.export")
    record ExportProperties(Long approvalThreshold, Map<StaffRole, Long> quota) {

        ExportProperties {
            approvalThreshold = approvalThreshold == null ? 1_000L : approvalThreshold;
            quota = quota == null ? Map.of() : Map.copyOf(quota);
        }
    }
}
