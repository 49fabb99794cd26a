package org.vigil.sharing.catalogue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of file a department delivers: what it is for (its SHARE-3 class or registry data),
 * the fact each row states, the requirements it serves, how often it comes, whether the provider
 * may leave out younger people (SHARE-4), and its columns.
 *
 * @param code         stable code, {@code <group>.<name>} in lower case ({@code death.police_deregistration})
 * @param title        the Chinese title departments and staff know the data by
 * @param department   the department that delivers it, in Chinese
 * @param feedClass    what the feed is for
 * @param fact         what a row states; for a per-row fact, see {@link #rowFacts}
 * @param requirements the requirement IDs the feed serves ({@code SHARE-3}, {@code REG-11}…)
 * @param cadence      how often it is expected
 * @param ageFilter    whether the provider may deliver only men 60+ and women 50+ (SHARE-4)
 * @param columns      its columns, in the order departments usually write them
 * @param rowFacts     for a {@link FactKind#isPerRow() per-row} fact, the fact of each value of the
 *                     {@link ColumnRole#EVENT_KIND} column; empty otherwise
 */
public record FeedDefinition(String code, String title, String department, FeedClass feedClass, FactKind fact,
        List<String> requirements, Cadence cadence, boolean ageFilter, List<ColumnDefinition> columns,
        Map<String, FactKind> rowFacts) {

    /** The requirement that allows the age filter. */
    public static final String SHARE_4 = "SHARE-4";

    public FeedDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(feedClass, "feedClass");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(cadence, "cadence");
        requirements = List.copyOf(requirements);
        columns = List.copyOf(columns);
        rowFacts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowFacts));
        if (!isCode(code)) {
            throw new IllegalArgumentException("code '" + code + "' is not <group>.<name> in lower-case letters, digits and underscores");
        }
        if (title.isBlank() || department.isBlank()) {
            throw new IllegalArgumentException("a feed needs a title and a department");
        }
        if (!fact.fits(feedClass)) {
            throw new IllegalArgumentException("a " + feedClass + " feed cannot state " + fact);
        }
        checkRequirements(requirements);
        checkColumns(columns);
        checkRowFacts(fact, columns, rowFacts);
        checkAgeFilter(feedClass, ageFilter, requirements, columns);
        checkCadence(feedClass, cadence);
    }

    /** The column with this key. */
    public Optional<ColumnDefinition> column(String key) {
        for (ColumnDefinition c : columns) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The column playing this role (there is at most one). */
    public Optional<ColumnDefinition> columnFor(ColumnRole role) {
        if (role == ColumnRole.NONE) {
            throw new IllegalArgumentException("many columns play no role");
        }
        for (ColumnDefinition c : columns) {
            if (c.role() == role) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether the feed serves this requirement ({@code "SHARE-3"}). */
    public boolean serves(String requirement) {
        return requirements.contains(requirement);
    }

    /**
     * The fact a row states, given the value of its {@link ColumnRole#EVENT_KIND} column as
     * {@link CellParsers} read it; the feed's own fact when that is not per row.
     *
     * @throws IllegalArgumentException when the value is not one the catalogue maps
     */
    public FactKind factOf(String eventKind) {
        if (!fact.isPerRow()) {
            return fact;
        }
        FactKind rowFact = rowFacts.get(eventKind);
        if (rowFact == null) {
            throw new IllegalArgumentException("feed " + code + " has no event kind '" + eventKind + "'");
        }
        return rowFact;
    }

    static boolean isCode(String code) {
        int dot = code.indexOf('.');
        if (dot <= 0 || dot != code.lastIndexOf('.') || dot == code.length() - 1) {
            return false;
        }
        return ColumnDefinition.isKey(code.substring(0, dot)) && ColumnDefinition.isKey(code.substring(dot + 1));
    }

    private static void checkRequirements(List<String> requirements) {
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException("a feed serves at least one requirement");
        }
        for (String id : requirements) {
            int dash = id.indexOf('-');
            String prefix = dash < 0 ? "" : id.substring(0, dash);
            String number = dash < 0 ? "" : id.substring(dash + 1);
            boolean known = prefix.equals("SHARE") || prefix.equals("REG") || prefix.equals("CERT") || prefix.equals("DATA");
            if (!known || number.isEmpty() || !number.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("'" + id + "' is not a requirement ID such as SHARE-3, REG-11, CERT-9, DATA-6");
            }
        }
        if (requirements.size() != requirements.stream().distinct().count()) {
            throw new IllegalArgumentException("a requirement is listed twice");
        }
    }

    private static void checkColumns(List<ColumnDefinition> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a feed has columns");
        }
        Map<String, String> keys = new HashMap<>();
        Map<String, String> spellings = new HashMap<>();
        Map<ColumnRole, String> roles = new EnumMap<>(ColumnRole.class);
        boolean subject = false;
        for (ColumnDefinition c : columns) {
            if (keys.put(c.key(), c.key()) != null) {
                throw new IllegalArgumentException("column " + c.key() + ": duplicate key");
            }
            for (String spelling : c.acceptedHeaders()) {
                String other = spellings.putIfAbsent(HeaderText.normalise(spelling), c.key());
                if (other != null) {
                    throw new IllegalArgumentException("column " + c.key() + ": header or alias '" + spelling
                            + "' is also one of column " + other + "'s");
                }
            }
            if (c.role() != ColumnRole.NONE) {
                String other = roles.putIfAbsent(c.role(), c.key());
                if (other != null) {
                    throw new IllegalArgumentException("column " + c.key() + ": role " + c.role()
                            + " is already column " + other + "'s");
                }
            }
            subject |= c.required() && c.role().identifiesSubject();
        }
        if (!subject) {
            throw new IllegalArgumentException("no required column names the subject (SUBJECT_ID, SUBJECT_NAME, "
                    + "EMPLOYER_CREDIT_CODE or EMPLOYER_ORGANIZATION_CODE)");
        }
    }

    private static void checkRowFacts(FactKind fact, List<ColumnDefinition> columns, Map<String, FactKind> rowFacts) {
        if (!fact.isPerRow()) {
            if (!rowFacts.isEmpty()) {
                throw new IllegalArgumentException("only a feed whose fact is per row (" + FactKind.DEATH_OR_LIFE_SIGN
                        + ", " + FactKind.PRISON_ADMISSION_OR_RELEASE + ") maps event kinds to facts");
            }
            return;
        }
        ColumnDefinition kind = columns.stream().filter(c -> c.role() == ColumnRole.EVENT_KIND).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a per-row fact needs an EVENT_KIND column"));
        if (!kind.required() || kind.blankAllowed()) {
            throw new IllegalArgumentException("column " + kind.key() + ": the EVENT_KIND of a per-row fact must be required and never blank");
        }
        if (!rowFacts.keySet().equals(new java.util.HashSet<>(kind.choices()))) {
            throw new IllegalArgumentException("column " + kind.key() + ": rowFacts must map exactly its values "
                    + kind.choices() + ", not " + rowFacts.keySet());
        }
        rowFacts.forEach((value, rowFact) -> {
            if (!fact.admitsRowFact(rowFact)) {
                throw new IllegalArgumentException("rowFacts: '" + value + "' cannot be " + rowFact + " in a " + fact + " feed");
            }
        });
    }

    private static void checkAgeFilter(FeedClass feedClass, boolean ageFilter, List<String> requirements,
            List<ColumnDefinition> columns) {
        if (ageFilter != requirements.contains(SHARE_4)) {
            throw new IllegalArgumentException("ageFilter is true exactly when the feed serves " + SHARE_4);
        }
        if (!ageFilter) {
            return;
        }
        // SHARE-4 is written under the proof-of-life class; deaths, sentences and registers must be complete.
        if (feedClass != FeedClass.PROOF_OF_LIFE) {
            throw new IllegalArgumentException("SHARE-4 allows the age filter only for proof-of-life feeds, not " + feedClass);
        }
        boolean id = columns.stream().anyMatch(c -> c.role() == ColumnRole.SUBJECT_ID && c.required() && !c.blankAllowed());
        if (!id) {
            throw new IllegalArgumentException("an age-filtered feed needs a required, never blank SUBJECT_ID to tell age and sex");
        }
    }

    private static void checkCadence(FeedClass feedClass, Cadence cadence) {
        if (feedClass == FeedClass.REGISTRY) {
            return;
        }
        boolean oneOffPhotos = feedClass == FeedClass.PHOTO && cadence == Cadence.ONCE;
        if (!cadence.withinShare5() && !oneOffPhotos) {
            throw new IllegalArgumentException("SHARE-5: shared data comes at least every " + Cadence.SHARE5_MAX_MONTHS
                    + " months, so a " + feedClass + " feed cannot be " + cadence);
        }
    }
}
