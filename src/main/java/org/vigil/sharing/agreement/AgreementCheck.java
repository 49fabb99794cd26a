package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to whether Vigil may take in this provider's feed on this day (SHARE-2): the agreement in
 * force, or a refusal that says in Chinese and English which provider and feed have no agreement
 * in force on that day, and what the nearest agreement is.
 */
public sealed interface AgreementCheck permits AgreementCheck.InForce, AgreementCheck.Refused {

    String providerCode();

    String feedCode();

    LocalDate on();

    default boolean permitted() {
        return this instanceof InForce;
    }

    /**
     * The agreement in force, for callers that must stop otherwise.
     *
     * @throws NoAgreementInForceException carrying the refusal
     */
    default Agreement orElseThrow() {
        if (this instanceof InForce inForce) {
            return inForce.agreement();
        }
        throw new NoAgreementInForceException((Refused) this);
    }

    /** The provider's feed is covered on the day by {@code agreement}. */
    record InForce(String providerCode, String feedCode, LocalDate on, Agreement agreement) implements AgreementCheck {
        public InForce {
            Objects.requireNonNull(agreement, "agreement");
        }
    }

    /**
     * Nothing covers the provider's feed on the day.
     *
     * @param previous the agreement covering the feed that ended most recently before the day, if any
     * @param next     the agreement covering the feed that begins soonest after the day, if any
     * @param chinese  the refusal for staff, in Chinese
     * @param english  the same in English
     */
    record Refused(String providerCode, String feedCode, LocalDate on, RefusalReason reason,
            Optional<Agreement> previous, Optional<Agreement> next, String chinese, String english)
            implements AgreementCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(chinese, "chinese");
            Objects.requireNonNull(english, "english");
        }

        /** Both languages on one line, Chinese first. */
        public String message() {
            return chinese + " / " + english;
        }
    }
}
