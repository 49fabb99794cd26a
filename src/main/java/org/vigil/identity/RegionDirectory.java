package org.vigil.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.vigil.identity.internal.Chars;

/**
 * The named divisions Vigil knows: the current division table to township level, the 6-digit
 * codes of older GB/T 2260 revisions that have since disappeared, and whatever divisions the
 * application registers (villages and communities, which no shipped table lists).
 *
 * <p>Immutable and safe to share between threads. {@link #standard()} loads the shipped tables
 * (resources under {@code identity/regions/}, described in their {@code SOURCE.md}) once, on
 * first use; {@link #withDivisions(Collection)} returns a new directory with more divisions.
 *
 * <p>The tree has no holes in the shipped table, but registered divisions may hang below a
 * division nobody registered: a division's place in the tree ({@link #children}) is under its
 * nearest ancestor that the directory knows.
 */
public final class RegionDirectory {

    private static final String RESOURCES = "/identity/regions/";

    private final Map<RegionCode, Region> regions;
    private final Region[] sorted;
    private final Map<RegionCode, List<Region>> children;
    private final List<Region> roots;
    private final Map<String, Historical> historical;
    private final String source;

    private record Historical(Region region, String revision) {
    }

    private RegionDirectory(Map<RegionCode, Region> regions, Map<String, Historical> historical, String source) {
        this.regions = regions;
        this.historical = historical;
        this.source = source;
        this.sorted = regions.values().toArray(new Region[0]);
        Arrays.sort(sorted);
        Map<RegionCode, List<Region>> below = new HashMap<>();
        List<Region> top = new ArrayList<>();
        for (Region region : sorted) {
            RegionCode above = region.code().parent().orElse(null);
            while (above != null && !regions.containsKey(above)) {
                above = above.parent().orElse(null);
            }
            if (above == null) {
                top.add(region);
            } else {
                below.computeIfAbsent(above, k -> new ArrayList<>()).add(region);
            }
        }
        below.replaceAll((code, list) -> Collections.unmodifiableList(list));
        this.children = below;
        this.roots = Collections.unmodifiableList(top);
    }

    /** The shipped tables, loaded on first use and shared. */
    public static RegionDirectory standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final RegionDirectory INSTANCE = load();
    }

    /** A directory of just these divisions, with no historical codes; for tests and tools. */
    public static RegionDirectory of(Collection<Region> divisions) {
        Map<RegionCode, Region> map = new HashMap<>();
        for (Region region : divisions) {
            map.put(region.code(), region);
        }
        return new RegionDirectory(map, Map.of(), "given divisions");
    }

    /**
     * A new directory with these divisions added, typically villages and communities (12 digits)
     * from the simulator or the database. A division whose code is already known replaces it,
     * so a later name wins. This directory is unchanged.
     */
    public RegionDirectory withDivisions(Collection<Region> divisions) {
        Map<RegionCode, Region> map = new HashMap<>(regions);
        for (Region region : divisions) {
            map.put(region.code(), region);
        }
        return new RegionDirectory(map, historical, source);
    }

    /** The division with this code, if the directory knows it. */
    public Optional<Region> find(RegionCode code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regions.get(code));
    }

    /** The divisions directly below this one in the directory, in code order. */
    public List<Region> children(RegionCode code) {
        return code == null ? List.of() : children.getOrDefault(code, List.of());
    }

    /** The divisions at the top: the provinces. */
    public List<Region> provinces() {
        return roots;
    }

    /** Every known division within this one (not itself), at any depth, in code order. */
    public List<Region> within(RegionCode code) {
        if (code == null) {
            return List.of();
        }
        String prefix = code.value().substring(0, code.level().significantDigits());
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].code().value().compareTo(prefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<Region> found = new ArrayList<>();
        for (int i = low; i < sorted.length && sorted[i].code().value().startsWith(prefix); i++) {
            if (!sorted[i].code().equals(code)) {
                found.add(sorted[i]);
            }
        }
        return found;
    }

    /**
     * The names from the province down, such as {@code 吉林省吉林市昌邑区}; groupings like 市辖区 and
     * 省直辖县级行政区划 are left out unless asked for themselves. For a code the directory does not
     * know, the names of the known divisions above it, or an empty string when none is known.
     */
    public String fullName(RegionCode code) {
        if (code == null) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        List<RegionCode> lineage = code.lineage();
        for (int i = 0; i < lineage.size(); i++) {
            Region region = regions.get(lineage.get(i));
            if (region != null && (i == lineage.size() - 1 || !region.isGrouping())) {
                name.append(region.name());
            }
        }
        return name.toString();
    }

    /**
     * A 6-digit code that an older revision lists but the current table does not (abolished,
     * merged, renumbered), with its name in the last revision listing it.
     */
    public Optional<Region> historical(String sixDigits) {
        Historical entry = historical.get(clean(sixDigits));
        return entry == null ? Optional.empty() : Optional.of(entry.region());
    }

    /**
     * What is known about the region digits of an ID number: the current division if there is
     * one, else the division of an older revision with that revision, else unknown (with the
     * names of known divisions above it). Never refuses and never throws, whatever the input:
     * an ID number keeps the code in force when it was issued.
     */
    public RegionDescription describeIdRegion(String sixDigits) {
        String digits = clean(sixDigits);
        RegionCode code = digits.length() == 6 ? RegionCode.parse(digits).toOptional().orElse(null) : null;
        if (code == null) {
            String province = "";
            if (digits.length() >= 2 && RegionCode.isProvince(digits.substring(0, 2))) {
                province = find(RegionCode.parse(digits.substring(0, 2) + "0000").orElseThrow())
                        .map(Region::name).orElse("");
            }
            return new RegionDescription(digits, RegionDescription.Kind.UNKNOWN, "", province, "");
        }
        Region current = regions.get(code);
        if (current != null) {
            return new RegionDescription(digits, RegionDescription.Kind.CURRENT, current.name(), fullName(code), "");
        }
        StringBuilder above = new StringBuilder();
        for (RegionCode ancestor : code.lineage()) {
            if (ancestor.equals(code)) {
                break;
            }
            Region region = regions.get(ancestor);
            if (region == null) {
                Historical old = historical.get(ancestor.value());
                region = old == null ? null : old.region();
            }
            if (region != null && !region.isGrouping()) {
                above.append(region.name());
            }
        }
        Historical old = historical.get(digits);
        if (old != null) {
            return new RegionDescription(digits, RegionDescription.Kind.HISTORICAL, old.region().name(),
                    above + old.region().name(), old.revision());
        }
        return new RegionDescription(digits, RegionDescription.Kind.UNKNOWN, "", above.toString(), "");
    }

    /** How many divisions the directory knows (historical codes not counted). */
    public int size() {
        return regions.size();
    }

    /** How many historical codes the directory knows. */
    public int historicalSize() {
        return historical.size();
    }

    /** Where the divisions come from, as the shipped table states it. */
    public String source() {
        return source;
    }

    /** Blanks removed, full-width digits made ASCII; anything else kept as given. */
    private static String clean(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Chars.isBlank(c)) {
                int d = Chars.digit(c);
                sb.append(d >= 0 ? (char) ('0' + d) : c);
            }
        }
        return sb.toString();
    }

    // ---- loading the shipped tables

    private static RegionDirectory load() {
        Map<RegionCode, Region> current = new HashMap<>(65_536);
        String[] header = {""};
        read("current.tsv", 2, header, fields -> {
            Region region = new Region(code(fields[0]), fields[1]);
            current.put(region.code(), region);
        });
        Map<String, Historical> old = new HashMap<>(1024);
        read("historical.tsv", 3, new String[1], fields -> {
            RegionCode code = code(fields[0]);
            old.put(code.value(), new Historical(new Region(code, fields[1]), fields[2]));
        });
        return new RegionDirectory(current, Collections.unmodifiableMap(old), header[0]);
    }

    private static RegionCode code(String digits) {
        Parsed<RegionCode> parsed = RegionCode.parse(digits);
        if (!parsed.isValid() || !parsed.orElseThrow().value().equals(digits)) {
            throw new IllegalStateException("division table holds a bad code '" + digits + "'");
        }
        return parsed.orElseThrow();
    }

    /** Reads a shipped table, plain or gzipped; the first comment line goes to header[0]. */
    private static void read(String name, int columns, String[] header, Consumer<String[]> row) {
        try (InputStream in = open(name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            String[] fields = new String[columns];
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                if (line.charAt(0) == '#') {
                    if (header[0] == null || header[0].isEmpty()) {
                        header[0] = line.substring(1).strip();
                    }
                    continue;
                }
                int start = 0;
                for (int i = 0; i < columns; i++) {
                    int tab = i == columns - 1 ? line.length() : line.indexOf('\t', start);
                    if (tab < 0) {
                        throw new IllegalStateException(name + " line " + number + " has fewer than " + columns + " columns");
                    }
                    fields[i] = line.substring(start, tab);
                    start = tab + 1;
                }
                row.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read division table " + name, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream plain = RegionDirectory.class.getResourceAsStream(RESOURCES + name);
        if (plain != null) {
            return plain;
        }
        InputStream zipped = RegionDirectory.class.getResourceAsStream(RESOURCES + name + ".gz");
        if (zipped != null) {
            return new GZIPInputStream(zipped, 1 << 16);
        }
        throw new IllegalStateException("division table " + RESOURCES + name + "(.gz) is missing from the class path");
    }
}
