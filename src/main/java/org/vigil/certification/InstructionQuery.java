package org.vigil.certification;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/** Which instructions: of a month, optionally one district (6 digits), one status and one kind. */
public record InstructionQuery(YearMonth month, Optional<String> district, Optional<InstructionStatus> status,
        Optional<InstructionKind> kind) {

    public InstructionQuery {
        Objects.requireNonNull(month, "month");
        district = Objects.requireNonNull(district, "district").map(String::strip).filter(d -> !d.isEmpty());
        district.ifPresent(d -> {
            if (!d.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("district is a 6-digit division code, not '" + d + "' / 区县须为6位区划代码");
            }
        });
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
    }

    public static InstructionQuery all(YearMonth month) {
        return new InstructionQuery(month, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public InstructionQuery inDistrict(String code) {
        return new InstructionQuery(month, Optional.of(code), status, kind);
    }

    public InstructionQuery withStatus(InstructionStatus s) {
        return new InstructionQuery(month, district, Optional.of(s), kind);
    }
}
