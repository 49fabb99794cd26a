package org.vigil.cli;

import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every controlled export of the command line shares (DATA-9, ADR 0032): why, a note, and in full or not. */
final class ExportOptions {

    @Option(names = "--purpose", required = true, paramLabel = "PURPOSE",
            description = "Why the data is exported, one of: ${COMPLETION-CANDIDATES}. It goes on the watermark and into "
                    + "the audit log.")
    Purpose purpose;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "A short note added to the purpose (a case or task number; no person's name), at most 200 "
                    + "characters.")
    String note;

    @Option(names = "--unmasked",
            description = "ID numbers, names and phones in full. With a staff account the request always waits for "
                    + "another person's approval; without one only on a server that does not require staff accounts "
                    + "(development and demonstrations).")
    boolean unmasked;

    void validate(CommandSpec spec) {
        if (note != null && note.length() > Disclosures.MAX_NOTE) {
            throw new ParameterException(spec.commandLine(), "--note is at most " + Disclosures.MAX_NOTE + " characters");
        }
    }
}
