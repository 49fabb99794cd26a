package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.CreditCode;
import org.vigil.identity.OrganizationCode;
import org.vigil.identity.Parsed;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** For support staff: is this employer code valid, what kind of code and organisation is it. */
@Allowed(Permission.SESSION)
@Command(name = "check-code", mixinStandardHelpOptions = true,
        description = {"Check unified social credit codes (GB 32100-2015, 18 characters) and legacy organisation "
                + "codes (GB 11714, 9 characters): one line per value saying valid or not, the reason, and the code's type.",
                "Exit code 0 only if every value is valid."})
final class CheckCodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "Credit codes or organisation codes.")
    List<String> values;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (String value : values) {
            String line = looksLikeOrganizationCode(value) ? organization(value) : credit(value);
            allValid &= line.startsWith(value + "\tvalid");
            out.println(line);
        }
        out.flush();
        return allValid ? 0 : 1;
    }

    /** Nine or ten characters (with the hyphen) is the pre-2015 organisation code; anything else is read as a credit code. */
    private static boolean looksLikeOrganizationCode(String value) {
        long significant = value.codePoints().filter(c -> !Character.isWhitespace(c) && c != '-' && c != '－').count();
        return significant == 9;
    }

    private static String credit(String value) {
        Parsed<CreditCode> parsed = CreditCode.parse(value);
        if (parsed instanceof Parsed.Valid<CreditCode> valid) {
            CreditCode code = valid.value();
            CreditCode.EmbeddedOrganizationCode org = code.organizationCode();
            String region = RegionDirectory.standard().describeIdRegion(code.regionPrefix()).chinese();
            return value + "\tvalid\t" + code.value() + "\tunified social credit code"
                    + "\t" + code.registrationAuthority().chinese() + " / " + code.organisationType().chinese()
                    + "\tregion " + code.regionPrefix() + " " + region
                    + "\torganisation code " + org.value() + (org.isValid() ? " (valid)" : " (its own check fails)");
        }
        return invalid(value, parsed.problem().orElseThrow());
    }

    private static String organization(String value) {
        Parsed<OrganizationCode> parsed = OrganizationCode.parse(value);
        if (parsed instanceof Parsed.Valid<OrganizationCode> valid) {
            return value + "\tvalid\t" + valid.value().formatted() + "\torganisation code (GB 11714)";
        }
        return invalid(value, parsed.problem().orElseThrow());
    }

    private static String invalid(String value, Rejection rejection) {
        return value + "\tinvalid\t" + rejection.code() + "\t" + rejection.message() + "（" + rejection.reason().chinese() + "）";
    }
}
