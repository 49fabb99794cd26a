package org.vigil.certification;

/**
 * The English words for the lists, reasons and ledger buckets, beside their Chinese ones, for
 * explanations and exports read by staff of either language.
 */
public final class ReasonWords {

    private ReasonWords() {
    }

    public static String english(ReasonCode code) {
        return switch (code) {
            case PROOF_OF_LIFE -> "sign of life since the period started";
            case MINOR_DEPENDENT -> "dependent under 16: no certification period";
            case DEATH -> "death";
            case MISSING -> "missing";
            case CUSTODY -> "in custody";
            case ADOPTED -> "dependent adopted";
            case REMARRIED -> "the deceased worker's spouse remarried";
            case EMPLOYED -> "dependent employed";
            case ENLISTED -> "dependent enlisted";
            case LOSS_UNCONFIRMED -> "loss reported by a source too weak on its own: to be confirmed";
            case DEATH_CONTRADICTED -> "signs of life after a recorded death: to be investigated";
            case NO_EVIDENCE -> "no certification evidence in the period";
            case PERIOD_ENDED -> "period ended without certification: certification failed";
        };
    }

    public static String english(EligibilityStatus status) {
        return switch (status) {
            case QUALIFIED -> "qualified";
            case DISQUALIFIED -> "disqualified";
            case TO_BE_VERIFIED -> "to be verified";
        };
    }

    public static String english(DueBucket bucket) {
        return switch (bucket) {
            case OVERDUE -> "period ended";
            case ONE_MONTH -> "ends within 1 month";
            case TWO_MONTHS -> "ends within 2 months";
            case THREE_MONTHS -> "ends within 3 months";
            case LATER -> "ends in more than 3 months";
        };
    }
}
