package org.vigil.sharing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.identity.Gender;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.registry.CandidateQuery;
import org.vigil.registry.MatchReason;
import org.vigil.registry.PersonDirectory;
import org.vigil.registry.PersonIndex;

/**
 * Ingestion's view of the registry's persons, through the registry's published snapshot (this
 * module never reads the registry's tables). A snapshot of a million persons takes about a second,
 * so one is reused for deliveries within {@code vigil.sharing.person-index-ttl} (default five
 * minutes): a month's forty files then share one. The cost of reuse is bounded: a person added to
 * the registry meanwhile is linked by the next snapshot, and a fact always keeps its ID, so only
 * its {@code linked} flag and the recorded rate can lag.
 */
@Component
class PersonLookups {

    private final PersonDirectory directory;
    private final WarmVault vault;
    private final Clock clock;
    private final Duration ttl;
    private PersonLookup cached;
    private Instant takenAt;

    PersonLookups(PersonDirectory directory, WarmVault vault, Clock clock,
            @Value("${vigil.sharing.person-index-ttl:PT5M}") Duration ttl) {
        this.directory = directory;
        this.vault = vault;
        this.clock = clock;
        this.ttl = ttl;
    }

    synchronized PersonLookup current() {
        // the delivery's rows are written by person number (DATA-15): the vault's map is filled first
        vault.get();
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(takenAt.plus(ttl)) || now.isBefore(takenAt)) {
            cached = of(directory.snapshot());
            takenAt = now;
        }
        return cached;
    }

    static PersonLookup of(PersonIndex index) {
        return new PersonLookup() {
            @Override
            public boolean contains(ResidentId id) {
                return index.indexOf(id) >= 0;
            }

            @Override
            public void indexAll(ResidentId[] ids, int[] out) {
                index.indexOfAll(ids, out);
            }

            @Override
            public List<PersonLookup.Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode,
                    int limit) {
                PersonName parsedName = name == null ? null : PersonName.parse(name).toOptional().orElse(null);
                if (parsedName == null && birthDate == null) {
                    return List.of();
                }
                CandidateQuery query = CandidateQuery.of(parsedName, birthDate, gender,
                        regionCode == null ? null : RegionCode.parse(regionCode).toOptional().orElse(null));
                List<PersonLookup.Candidate> out = new ArrayList<>();
                for (org.vigil.registry.Candidate c : index.candidates(query, limit)) {
                    List<String> reasons = c.reasons().stream().map(MatchReason::name).sorted().toList();
                    out.add(new PersonLookup.Candidate(c.person().idNumber(), c.person().name(), c.score(), reasons));
                }
                return out;
            }
        };
    }
}
