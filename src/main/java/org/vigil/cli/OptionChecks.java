package org.vigil.cli;

import java.util.Locale;

import org.vigil.certification.ListExport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The option checks many commands share, each a usage error (exit 2) before anything starts, worded
 * the same wherever the option appears.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /** A district option, when given, is a 6-digit division code. */
    static void district(CommandSpec spec, String district) {
        if (district != null && !district.matches("[0-9]{6}")) {
            throw new ParameterException(spec.commandLine(), "--district is a 6-digit division code, not " + district);
        }
    }

    /** The file format of an export: csv or xlsx, in any case. */
    static ListExport.Format format(CommandSpec spec, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ListExport.Format.CSV;
            case "xlsx" -> ListExport.Format.XLSX;
            default -> throw new ParameterException(spec.commandLine(), "--format is csv or xlsx, not " + format);
        };
    }
}
