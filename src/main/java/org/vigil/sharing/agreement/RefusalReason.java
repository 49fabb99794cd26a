package org.vigil.sharing.agreement;

/** Why no agreement allows taking in a provider's feed on a day. */
public enum RefusalReason {

    /** The provider is not in the registry. */
    UNKNOWN_PROVIDER,
    /** No agreement of the provider has ever covered the feed. */
    NO_AGREEMENT,
    /** The agreements covering the feed all begin later. */
    NOT_YET_IN_FORCE,
    /** The last agreement covering the feed ran out. */
    EXPIRED,
    /** The last agreement covering the feed was terminated early. */
    TERMINATED,
    /** An agreement is in force but does not permit the stated purpose. */
    PURPOSE_NOT_PERMITTED
}
