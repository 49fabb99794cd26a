package org.vigil.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.Gender;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

/**
 * The registry's persons at one moment, held in memory for linking department rows (SHARE-6).
 * Immutable and safe to share between threads.
 *
 * <p>Persons are numbered {@code 0 .. size()-1} within this snapshot; a number means nothing in
 * another snapshot. The number-based methods ({@link #indexOf}, {@link #idNumber(int)} …) exist
 * for loops over millions of rows, where an object per lookup would cost more than the lookup.
 *
 * <p>Two ways in, deliberately different:
 * <ul>
 *   <li>{@link #indexOf} and {@link #find}: the link. Exact on the normalised 18-character ID
 *       ({@link ResidentId#value()}), so a 15-digit pre-1999 number or a lower-case x finds the
 *       person once parsed, and nothing else ever does.</li>
 *   <li>{@link #candidates}: for a row with no usable ID, a ranked list of persons it might be,
 *       each with the reasons that matched, for a human reviewer to choose from or reject. Even a
 *       single perfect candidate is a proposal, not a link.</li>
 * </ul>
 */
public interface PersonIndex {

    /**
     * How far apart two birth dates may be and still count as {@link MatchReason#NEAR_BIRTH_DATE}:
     * a digit slipped by one or two in transcription, not a wrong year or month.
     */
    int NEAR_BIRTH_DAYS = 3;

    /** How many persons the registry held. */
    int size();

    /** When the snapshot was read, by the application clock. */
    Instant takenAt();

    /**
     * The number of the person with exactly this ID, or -1 when the registry has none. Allocates
     * nothing; meant for hot loops.
     */
    int indexOf(ResidentId id);

    /**
     * What {@link #indexOf} gives for each ID, into {@code out[i]} for {@code ids[i]}; -1 also for
     * a null entry (a row without a usable ID). For a block of rows: the lookups of a block go to
     * memory together instead of one after the other, which at a million persons measured 1.6 to 3
     * times as fast as a loop over {@link #indexOf} (see docs/performance.md).
     *
     * @throws IllegalArgumentException when {@code out} is shorter than {@code ids}
     */
    void indexOfAll(ResidentId[] ids, int[] out);

    /** The person with exactly this ID. */
    Optional<PersonSummary> find(ResidentId id);

    /** The person with number {@code index}. */
    PersonSummary person(int index);

    /**
     * The vault's person number of person {@code index} ({@link org.vigil.vault.PersonVault}): what
     * other modules store instead of the ID number (DATA-15), and unlike {@code index} the same in
     * every snapshot.
     */
    long personNumber(int index);

    /** The normalised 18-character ID number of person {@code index}. */
    String idNumber(int index);

    /**
     * The name of person {@code index}, normalised as {@link org.vigil.identity.PersonName} does
     * (simplified characters, no padding); the registry's own text when it cannot be read as a name.
     */
    String name(int index);

    Gender gender(int index);

    LocalDate birthDate(int index);

    /** The 12-digit community or village the person lives in. */
    RegionCode regionCode(int index);

    /**
     * Persons a row without a usable ID might be, best first, at most {@code limit}; empty when
     * nothing resembles it. A person is considered when their name sounds like the query's (the
     * same toneless pinyin, which covers the exact name, homophones such as 晓/小 and a name
     * written in pinyin letters) or when they were born on the query's birth date, or, for a
     * query without a name, within {@value #NEAR_BIRTH_DAYS} days of it. A given sex excludes the
     * other sex. The score is the sum of the {@linkplain MatchReason#points() points} of the
     * reasons; ties go in ID order, so the same query on the same snapshot gives the same list.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    List<Candidate> candidates(CandidateQuery query, int limit);
}
