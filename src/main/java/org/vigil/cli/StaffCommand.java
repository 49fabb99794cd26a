package org.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.ConfidentialityAgreement;
import org.vigil.governance.Permission;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffRole;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Staff accounts (DATA-3): open one with its second factor, list them, lift a lockout, close one. */
@Command(name = "staff", mixinStandardHelpOptions = true, description = "Staff accounts and their second factor (DATA-3).",
        subcommands = {StaffCommand.Open.class, StaffCommand.ListAccounts.class, StaffCommand.Unlock.class,
                StaffCommand.ResetSecondFactor.class, StaffCommand.Disable.class, StaffCommand.Agreement.class})
final class StaffCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: open, list, unlock, disable or agreement");
    }

    @Allowed(Permission.STAFF_MANAGE)
    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Open an account. The initial password is read from standard input (one line); the second "
                    + "factor's secret and its otpauth URI are printed once, for the holder's authenticator app.")
    static final class Open implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, paramLabel = "NAME") String username;
        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "The holder's name as shown.") String name;
        @Option(names = "--id-number", required = true, paramLabel = "ID",
                description = "The holder's citizen ID number; kept sealed, used to keep the three administrator duties apart.")
        String idNumber;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "One of: ${COMPLETION-CANDIDATES}.")
        StaffRole role;
        @Option(names = "--region", paramLabel = "CODE", description = "The division the account works in, of the role's level.")
        String region;
        @Option(names = "--provider", paramLabel = "CODE", description = "For a data provider's account: its provider.")
        String provider;
        @Option(names = "--by", required = true, paramLabel = "WHO", description = "The security administrator opening it.")
        String by;
        @Option(names = "--agreement-signed-on", required = true, paramLabel = "DATE",
                description = "The day the holder signed the confidentiality agreement (DATA-14), yyyy-MM-dd.")
        LocalDate agreementSignedOn;
        @Option(names = "--agreement-reference", required = true, paramLabel = "REF",
                description = "The archive number of the signed confidentiality agreement.")
        String agreementReference;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            // the ID number is checked against the application's today: a birth date after it is refused
            ResidentId person = ResidentId.parse(idNumber, context.getBean(Clock.class)).toOptional()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--id-number is not a valid citizen ID number"));
            RegionCode division = region == null ? null : RegionCode.parse(region).toOptional().orElseThrow(
                    () -> new ParameterException(spec.commandLine(), "--region is not a division code: " + region));
            NewStaffAccount account;
            try {
                account = new NewStaffAccount(username, name, person, role, division, provider,
                        new ConfidentialityAgreement(agreementSignedOn, agreementReference));
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            char[] password = readPassword();
            try {
                StaffDirectory.OpenedAccount opened = context.getBean(StaffDirectory.class).open(account, password, by);
                PrintWriter w = spec.commandLine().getOut();
                StaffAccount a = opened.account();
                w.printf(Locale.ROOT, "Opened %s (%s, %s %s%s).%n", a.username(), a.displayName(), a.role().chinese(),
                        a.role().name(), a.region() == null ? " for " + a.provider() : " in " + a.region().value());
                w.println("Second factor, shown this once — enter it in the holder's authenticator app:");
                printSecondFactor(w, opened);
                w.flush();
                return 0;
            }
            finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] readPassword() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "the initial password is read from standard input");
                }
                return line.toCharArray();
            }
            catch (IOException e) {
                throw new IllegalStateException("could not read the password from standard input: " + e.getMessage(), e);
            }
        }
    }

    @Allowed(Permission.STAFF_MANAGE)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account, its role, division and state.")
    static final class ListAccounts implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            PrintWriter w = spec.commandLine().getOut();
            for (StaffAccount a : context.getBean(StaffDirectory.class).accounts()) {
                w.printf(Locale.ROOT, "%-24s %-10s %-24s %-14s %s%s%s%n", a.username(), a.displayName(), a.role().name(),
                        a.region() == null ? a.provider() : a.region().value(), a.status().chinese(),
                        a.secondFactorEnrolled() ? "" : "  second factor not yet used",
                        a.lockedUntil() == null ? "" : "  locked until " + a.lockedUntil());
            }
            w.flush();
            return 0;
        }
    }

    /** What the security administrator does to one account: who, and who does it. */
    abstract static class AccountAct implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, paramLabel = "NAME") String username;
        @Option(names = "--by", required = true, paramLabel = "WHO", description = "The security administrator.") String by;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            PrintWriter w = spec.commandLine().getOut();
            act(context.getBean(StaffDirectory.class), w);
            w.flush();
            return 0;
        }

        abstract void act(StaffDirectory staff, PrintWriter out);
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Lift an account's lockout.")
    static final class Unlock extends AccountAct {

        @Override
        void act(StaffDirectory staff, PrintWriter out) {
            out.println("Unlocked " + staff.unlock(username, by).username() + ".");
        }
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "reset-second-factor", mixinStandardHelpOptions = true,
            description = "Give an account a new second-factor secret (a lost phone); printed once, the old one stops working.")
    static final class ResetSecondFactor extends AccountAct {

        @Override
        void act(StaffDirectory staff, PrintWriter out) {
            StaffDirectory.OpenedAccount reset = staff.resetSecondFactor(username, by);
            out.println("New second factor of " + reset.account().username() + ", shown this once:");
            printSecondFactor(out, reset);
        }
    }

    @Allowed(Permission.STAFF_MANAGE)
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Close an account for good.")
    static final class Disable extends AccountAct {

        @Override
        void act(StaffDirectory staff, PrintWriter out) {
            out.println("Disabled " + staff.disable(username, by).username() + "; it stays in the audit log.");
        }
    }

    @Allowed(Permission.STAFF_MANAGE)
    @Command(name = "agreement", mixinStandardHelpOptions = true,
            description = "Record the confidentiality agreement an account's holder signed (DATA-14): a renewal, or the "
                    + "first for an account opened before agreements were kept, which cannot sign in until then.")
    static final class Agreement extends AccountAct {

        @Option(names = "--signed-on", required = true, paramLabel = "DATE", description = "The day it was signed, yyyy-MM-dd.")
        LocalDate signedOn;
        @Option(names = "--reference", required = true, paramLabel = "REF", description = "The signed paper's archive number.")
        String reference;

        @Override
        void act(StaffDirectory staff, PrintWriter out) {
            ConfidentialityAgreement agreement;
            try {
                agreement = new ConfidentialityAgreement(signedOn, reference);
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            out.println("Recorded the confidentiality agreement " + agreement.reference() + " of "
                    + staff.recordAgreement(username, agreement, by).username() + ".");
        }
    }

    static void printSecondFactor(PrintWriter out, StaffDirectory.OpenedAccount account) {
        out.println("  secret: " + account.totpSecret());
        out.println("  " + account.provisioningUri());
    }
}
