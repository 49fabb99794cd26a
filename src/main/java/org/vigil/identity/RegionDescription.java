package org.vigil.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What Vigil can say about the region digits of an ID number: the current division, a division
 * abolished since (with the last revision that lists it), or nothing known. It is an answer,
 * never a rejection: an ID number keeps the code in force when it was issued.
 *
 * @param code     the digits asked about, blanks removed
 * @param kind     whether the code is current, historical or unknown
 * @param name     the division's own name; empty when unknown
 * @param fullName the names from the province down, groupings such as 市辖区 left out; for an
 *                 unknown code, the known divisions above it (possibly empty)
 * @param revision for a historical code, the last revision listing it as {@code yyyymm}; else empty
 */
public record RegionDescription(String code, Kind kind, String name, String fullName, String revision) {

    /** How much is known about a code. */
    public enum Kind {
        /** In the current division table. */
        CURRENT,
        /** Not current, but listed by an older revision: abolished, merged or renumbered since. */
        HISTORICAL,
        /** In no table Vigil ships or was given. */
        UNKNOWN
    }

    public RegionDescription {
        Objects.requireNonNull(kind, "kind");
        code = code == null ? "" : code;
        name = name == null ? "" : name;
        fullName = fullName == null ? "" : fullName;
        revision = revision == null ? "" : revision;
    }

    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    /** The revision as {@code yyyy-mm}, for a historical code. */
    public Optional<String> revisionMonth() {
        return revision.length() == 6
                ? Optional.of(revision.substring(0, 4) + "-" + revision.substring(4))
                : Optional.empty();
    }

    /** One line for staff, such as {@code 北京市崇文区（已撤销，最后见于2009-12版区划代码）}. */
    public String chinese() {
        switch (kind) {
            case CURRENT:
                return fullName;
            case HISTORICAL:
                return fullName + "（已撤销，最后见于" + revisionMonth().orElse(revision) + "版区划代码）";
            default:
                return fullName.isEmpty() ? "未知区划代码 " + code : fullName + "（区划代码 " + code + " 未知）";
        }
    }

    /** One line in English, such as {@code 北京市崇文区 (abolished; last listed 2009-12)}. */
    public String english() {
        switch (kind) {
            case CURRENT:
                return fullName;
            case HISTORICAL:
                return fullName + " (abolished; last listed " + revisionMonth().orElse(revision) + ")";
            default:
                return fullName.isEmpty() ? "unknown division code " + code
                        : fullName + " (division code " + code + " unknown)";
        }
    }
}
