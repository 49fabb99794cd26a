package org.vigil.governance;

import java.util.List;
import java.util.Optional;

/**
 * Staff accounts and their login (DATA-3, 等保 level 3 §8.1.4.1): a password of the policy's
 * strength hashed with Argon2id, a mandatory TOTP second factor, lockout after repeated failures.
 * Every opening, change and login attempt is an audited act.
 */
public interface StaffDirectory {

    /**
     * Opens an account. The second factor's secret is returned once, for the holder's
     * authenticator app, and kept only sealed.
     *
     * @throws IllegalArgumentException when the password is too weak
     * @throws IllegalStateException    when the username is taken, or the person would hold two separated duties
     */
    OpenedAccount open(NewStaffAccount account, char[] initialPassword, String openedBy);

    List<StaffAccount> accounts();

    Optional<StaffAccount> find(String username);

    /**
     * Whether two accounts are held by one person (the same account, or two accounts whose
     * holder's ID number has the same blind index under the same key): maker-checker rules ask
     * this of every approver, so that nobody approves their own request under a second account.
     */
    boolean samePerson(long accountA, long accountB);

    /**
     * Checks a password and a one-time code. Whatever was wrong, the answer is the same
     * {@link LoginOutcome.Result#REJECTED}, so it tells nobody which accounts exist.
     */
    LoginOutcome login(String username, char[] password, String code);

    /**
     * Gives an account a new second-factor secret, shown this once (a lost phone); the old one
     * stops working at once. An audited act of the security administrator.
     */
    OpenedAccount resetSecondFactor(String username, String by);

    /** Lifts a lockout; an audited act of the security administrator. */
    StaffAccount unlock(String username, String by);

    /** Closes an account for good (it is never deleted: the audit log names it). */
    StaffAccount disable(String username, String by);

    /**
     * Records the confidentiality agreement an account's holder signed (DATA-14): a renewed one, or
     * the first for an account opened before agreements were kept, which cannot sign in until then.
     * An audited act of the security administrator.
     *
     * @throws IllegalArgumentException when the agreement is dated after today
     */
    StaffAccount recordAgreement(String username, ConfidentialityAgreement agreement, String by);

    /** A new account and its second factor's secret, shown this once. */
    record OpenedAccount(StaffAccount account, String totpSecret, String provisioningUri) {
    }
}
