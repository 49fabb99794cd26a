package org.vigil.sharing.agreement;

/** A delivery was refused because no agreement covers its provider and feed on its day (SHARE-2). */
public class NoAgreementInForceException extends RuntimeException {

    private final transient AgreementCheck.Refused refusal;

    public NoAgreementInForceException(AgreementCheck.Refused refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public AgreementCheck.Refused refusal() {
        return refusal;
    }
}
