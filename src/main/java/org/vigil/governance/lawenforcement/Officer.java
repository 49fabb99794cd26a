package org.vigil.governance.lawenforcement;

import java.util.Locale;
import java.util.regex.Pattern;

import org.vigil.identity.PersonName;

/**
 * One officer who came for the data and showed a credential (DATA-11). The credential number is
 * normalised (blanks removed, letters upper-case) so the same card typed twice is one officer;
 * it is kept sealed at rest and never printed in full.
 */
public record Officer(PersonName name, CredentialType credentialType, String credentialNumber) {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Z-]{4,32}");

    public Officer {
        if (name == null) {
            throw new LawEnforcementException(LawEnforcementProblem.OFFICER_NAME, "officers", "missing");
        }
        if (credentialType == null || credentialNumber == null) {
            throw new LawEnforcementException(LawEnforcementProblem.CREDENTIAL, "officers", "missing");
        }
        String n = credentialNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(n).matches()) {
            throw new LawEnforcementException(LawEnforcementProblem.CREDENTIAL, "officers", "");
        }
        credentialNumber = n;
    }

    /** Reads an officer from untrusted text: the name through the identity kernel's rules. */
    public static Officer of(String name, CredentialType type, String credentialNumber) {
        PersonName parsed = PersonName.parse(name).toOptional().orElseThrow(
                () -> new LawEnforcementException(LawEnforcementProblem.OFFICER_NAME, "officers", ""));
        return new Officer(parsed, type, credentialNumber);
    }

    /** The credential as shown by default: only its last four characters. */
    public String maskedCredential() {
        return masked(credentialNumber);
    }

    static String masked(String number) {
        return "*".repeat(Math.max(0, number.length() - 4)) + number.substring(Math.max(0, number.length() - 4));
    }

    /** The credential is not printed in full, so an officer in a log line is no leak. */
    @Override
    public String toString() {
        return "Officer[" + name.masked() + ", " + credentialType + " " + maskedCredential() + "]";
    }
}
