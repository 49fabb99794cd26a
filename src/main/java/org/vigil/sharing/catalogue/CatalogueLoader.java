package org.vigil.sharing.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the catalogue's YAML into checked records. Everything is checked before anything is
 * used: the shape (known fields only, so a misspelt {@code requried} is caught), enum names, and
 * through the records' constructors every rule a feed and a column must follow. Each message
 * starts with the source, the feed and the column.
 */
final class CatalogueLoader {

    private static final Set<String> TOP_FIELDS = Set.of("version", "vocabularies", "feeds");
    private static final Set<String> FEED_FIELDS = Set.of("code", "title", "department", "class", "fact", "requirements",
            "cadence", "ageFilter", "rowFacts", "columns");
    private static final Set<String> COLUMN_FIELDS = Set.of("key", "header", "aliases", "vocabulary", "type", "values",
            "required", "blank", "review", "role", "future", "maxLength");

    private final String source;
    private final Map<String, List<String>> vocabularies = new LinkedHashMap<>();

    private CatalogueLoader(String source) {
        this.source = source;
    }

    static FeedCatalogue load(String yaml, String source) {
        return new CatalogueLoader(source).read(yaml);
    }

    private FeedCatalogue read(String yaml) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new CatalogueException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(document, "the document");
        checkFields(top, TOP_FIELDS, "the document");
        Object version = top.get("version");
        if (!(version instanceof Integer v) || v < 1) {
            throw fail("the document", "version must be a whole number from 1, found " + describe(version));
        }
        readVocabularies(top.get("vocabularies"));
        List<FeedDefinition> feeds = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Object f : list(top.get("feeds"), "the document", "feeds")) {
            FeedDefinition feed = readFeed(f, feeds.size() + 1);
            if (!codes.add(feed.code())) {
                throw fail("feed " + feed.code(), "duplicate code");
            }
            feeds.add(feed);
        }
        if (feeds.isEmpty()) {
            throw fail("the document", "no feeds");
        }
        return new FeedCatalogue(v, feeds);
    }

    private void readVocabularies(Object node) {
        if (node == null) {
            return;
        }
        for (Map.Entry<String, Object> e : map(node, "vocabularies").entrySet()) {
            String where = "vocabulary " + e.getKey();
            List<String> words = strings(e.getValue(), where, "its spellings");
            Set<String> seen = new HashSet<>();
            for (String w : words) {
                if (!seen.add(HeaderText.normalise(w))) {
                    throw fail(where, "duplicate spelling '" + w + "'");
                }
            }
            vocabularies.put(e.getKey(), words);
        }
    }

    private FeedDefinition readFeed(Object node, int position) {
        Map<String, Object> m = map(node, "feed #" + position);
        Object rawCode = m.get("code");
        String where = rawCode instanceof String s ? "feed " + s : "feed #" + position;
        checkFields(m, FEED_FIELDS, where);
        String code = string(m, "code", where);
        FeedClass feedClass = enumValue(FeedClass.class, m, "class", where);
        FactKind fact = enumValue(FactKind.class, m, "fact", where);
        Cadence cadence = enumValue(Cadence.class, m, "cadence", where);
        List<ColumnDefinition> columns = new ArrayList<>();
        for (Object c : list(m.get("columns"), where, "columns")) {
            columns.add(readColumn(c, where, columns.size() + 1));
        }
        Map<String, FactKind> rowFacts = new LinkedHashMap<>();
        if (m.get("rowFacts") != null) {
            for (Map.Entry<String, Object> e : map(m.get("rowFacts"), where + ", rowFacts").entrySet()) {
                rowFacts.put(e.getKey(), enumName(FactKind.class, e.getValue(), where + ", rowFacts '" + e.getKey() + "'"));
            }
        }
        try {
            return new FeedDefinition(code, string(m, "title", where), string(m, "department", where), feedClass, fact,
                    strings(m.get("requirements"), where, "requirements"), cadence, bool(m, "ageFilter", false, where),
                    columns, rowFacts);
        } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
        }
    }

    private ColumnDefinition readColumn(Object node, String feed, int position) {
        Map<String, Object> m = map(node, feed + ", column #" + position);
        Object rawKey = m.get("key");
        String where = feed + ", column " + (rawKey instanceof String s ? s : "#" + position);
        checkFields(m, COLUMN_FIELDS, where);
        String key = string(m, "key", where);
        Object rawHeader = m.get("header");
        if (rawHeader == null || rawHeader instanceof String h && h.isBlank()) {
            throw fail(where, "missing header");
        }
        String header = string(m, "header", where);
        ColumnType type = enumValue(ColumnType.class, m, "type", where);
        List<String> aliases = new ArrayList<>(m.get("aliases") == null ? List.of() : strings(m.get("aliases"), where, "aliases"));
        if (m.get("vocabulary") != null) {
            String name = string(m, "vocabulary", where);
            List<String> words = vocabularies.get(name);
            if (words == null) {
                throw fail(where, "unknown vocabulary '" + name + "'; known: " + vocabularies.keySet());
            }
            // A shared list holds the canonical spellings too; those already named count once.
            Set<String> known = new HashSet<>();
            known.add(HeaderText.normalise(header));
            aliases.forEach(a -> known.add(HeaderText.normalise(a)));
            for (String w : words) {
                if (known.add(HeaderText.normalise(w))) {
                    aliases.add(w);
                }
            }
        }
        List<String> values = m.get("values") == null ? List.of() : strings(m.get("values"), where, "values");
        boolean required = bool(m, "required", true, where);
        boolean blank = bool(m, "blank", !required, where);
        ReviewLevel review = m.get("review") == null ? type.defaultReview() : enumValue(ReviewLevel.class, m, "review", where);
        ColumnRole role = m.get("role") == null ? ColumnRole.NONE : enumValue(ColumnRole.class, m, "role", where);
        boolean future = bool(m, "future", false, where);
        int maxLength;
        if (m.get("maxLength") != null) {
            if (!(m.get("maxLength") instanceof Integer n)) {
                throw fail(where, "maxLength must be a whole number, found " + describe(m.get("maxLength")));
            }
            maxLength = n;
        } else {
            maxLength = type == ColumnType.TEXT ? ColumnDefinition.DEFAULT_TEXT_LENGTH
                    : type == ColumnType.ADDRESS ? ColumnDefinition.DEFAULT_ADDRESS_LENGTH : 0;
        }
        try {
            return new ColumnDefinition(key, header, aliases, type, values, required, blank, review, role, future, maxLength);
        } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- shape helpers

    private CatalogueException fail(String where, String what) {
        return new CatalogueException(source + ": " + where + ": " + what);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map<?, ?> m)) {
            throw fail(where, "expected a mapping, found " + describe(node));
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw fail(where, "field names are text, found " + describe(k));
            }
        }
        return (Map<String, Object>) m;
    }

    private List<?> list(Object node, String where, String field) {
        if (!(node instanceof List<?> l)) {
            throw fail(where, field + " must be a list, found " + describe(node));
        }
        return l;
    }

    private List<String> strings(Object node, String where, String field) {
        List<String> out = new ArrayList<>();
        for (Object o : list(node, where, field)) {
            if (!(o instanceof String s)) {
                // YAML reads NO, on, 1 as a boolean or a number: a header spelt so must be quoted.
                throw fail(where, field + " must be text, found " + describe(o) + " (quote it)");
            }
            out.add(s);
        }
        return out;
    }

    private String string(Map<String, Object> m, String field, String where) {
        Object o = m.get(field);
        if (o == null) {
            throw fail(where, "missing " + field);
        }
        if (!(o instanceof String s)) {
            throw fail(where, field + " must be text, found " + describe(o) + " (quote it)");
        }
        return s;
    }

    private boolean bool(Map<String, Object> m, String field, boolean absent, String where) {
        Object o = m.get(field);
        if (o == null) {
            return absent;
        }
        if (!(o instanceof Boolean b)) {
            throw fail(where, field + " must be true or false, found " + describe(o));
        }
        return b;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, Map<String, Object> m, String field, String where) {
        Object o = m.get(field);
        if (o == null) {
            throw fail(where, "missing " + field);
        }
        return enumName(type, o, where + ", " + field);
    }

    private <E extends Enum<E>> E enumName(Class<E> type, Object o, String where) {
        String name = o instanceof String s ? s : String.valueOf(o);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        String label = type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        throw fail(where, "unknown " + label + " '" + name + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private void checkFields(Map<String, Object> m, Set<String> known, String where) {
        for (String field : m.keySet()) {
            if (!known.contains(field)) {
                throw fail(where, "unknown field '" + field + "'; known fields: " + known.stream().sorted().toList());
            }
        }
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        return o.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + o;
    }
}
