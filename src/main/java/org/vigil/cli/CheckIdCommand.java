package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.Parsed;
import org.vigil.identity.RegionDescription;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.ResidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** For support staff: is this citizen ID number valid, and if not, why. */
@Allowed(Permission.SESSION)
@Command(name = "check-id", mixinStandardHelpOptions = true,
        description = {"Check citizen ID numbers (GB 11643-1999): one line per value saying valid or not, the reason, "
                + "and what the number says (normalised form, birth date, gender, region).",
                "Exit code 0 only if every value is valid."})
final class CheckIdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "ID numbers; 15-digit legacy numbers are upgraded.")
    List<String> values;

    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RegionDirectory regions = RegionDirectory.standard();
        boolean allValid = true;
        for (String value : values) {
            Parsed<ResidentId> parsed = ResidentId.parse(value, clock);
            if (parsed instanceof Parsed.Valid<ResidentId> valid) {
                out.println(value + "\tvalid\t" + describe(valid.value(), regions));
            }
            else {
                allValid = false;
                var rejection = parsed.problem().orElseThrow();
                out.println(value + "\tinvalid\t" + rejection.code() + "\t" + rejection.message()
                        + "（" + rejection.reason().chinese() + "）");
            }
        }
        out.flush();
        return allValid ? 0 : 1;
    }

    static String describe(ResidentId id, RegionDirectory regions) {
        StringBuilder sb = new StringBuilder(id.value());
        if (id.wasUpgradedFromLegacy()) {
            sb.append(" (upgraded from 15 digits)");
        }
        sb.append("\t").append(id.kind());
        sb.append("\tborn ").append(id.birthDate());
        sb.append("\t").append(id.gender().name().toLowerCase(java.util.Locale.ROOT));
        if (id.kind() == ResidentId.Kind.RESIDENT) {
            RegionDescription region = regions.describeIdRegion(id.regionPrefix());
            sb.append("\t").append(id.regionPrefix()).append(' ').append(region.chinese());
        }
        else {
            sb.append("\tregion ").append(id.regionPrefix());
        }
        return sb.toString();
    }
}
