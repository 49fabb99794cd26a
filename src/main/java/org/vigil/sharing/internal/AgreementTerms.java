package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementCheck;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

/** The provider registry and the agreements (SHARE-1, SHARE-2, SHARE-4) as ingestion asks them. */
@Component
class AgreementTerms implements ProviderTerms {

    private final ProviderRegistry providers;
    private final AgreementRegister agreements;

    AgreementTerms(ProviderRegistry providers, AgreementRegister agreements) {
        this.providers = providers;
        this.agreements = agreements;
    }

    @Override
    public Optional<String> refusal(String provider, String feed, LocalDate on) {
        AgreementCheck check = agreements.inForce(provider, feed, on);
        return check instanceof AgreementCheck.Refused refused ? Optional.of(refused.message()) : Optional.empty();
    }

    @Override
    public Map<String, String> columnAliases(String provider, String feed) {
        return providers.columnAliases(provider, feed);
    }

    @Override
    public boolean ageFilter(String provider, String feed) {
        return providers.ageScope(provider, feed) == AgeScope.MEN_60_WOMEN_50;
    }
}
