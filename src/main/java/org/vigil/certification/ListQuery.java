package org.vigil.certification;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entries of a month's lists: optionally one list, and one district (6 digits), street
 * (9 digits) or community (12 digits); a narrower division must lie in the wider one.
 */
public record ListQuery(YearMonth month, Optional<EligibilityStatus> status, Optional<String> district,
        Optional<String> street, Optional<String> community) {

    public ListQuery {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        district = digits(district, 6, "district");
        street = digits(street, 9, "street");
        community = digits(community, 12, "community");
        within(street, district, "street", "district");
        within(community, street, "community", "street");
        within(community, district, "community", "district");
    }

    public static ListQuery all(YearMonth month) {
        return new ListQuery(month, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ListQuery withStatus(EligibilityStatus list) {
        return new ListQuery(month, Optional.of(list), district, street, community);
    }

    public ListQuery inDistrict(String code) {
        return new ListQuery(month, status, Optional.of(code), street, community);
    }

    private static Optional<String> digits(Optional<String> code, int length, String what) {
        Objects.requireNonNull(code, what);
        Optional<String> trimmed = code.map(String::strip).filter(c -> !c.isEmpty());
        trimmed.ifPresent(c -> {
            if (c.length() != length || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException(what + " is a " + length + "-digit division code, not '" + c
                        + "' / " + what + " 须为" + length + "位区划代码");
            }
        });
        return trimmed;
    }

    private static void within(Optional<String> narrow, Optional<String> wide, String narrowName, String wideName) {
        if (narrow.isPresent() && wide.isPresent() && !narrow.get().startsWith(wide.get())) {
            throw new IllegalArgumentException(narrowName + " " + narrow.get() + " is not in " + wideName + " "
                    + wide.get() + " / 区划不在所选范围内");
        }
    }
}
