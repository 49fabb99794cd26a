package org.vigil.sharing.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which catalogue feed reads each file of the synthetic city ({@code org.vigil.simulator}): its
 * provider folder and file name ({@code police} + {@code death_deregistration}) to one feed of
 * the catalogue. Several files may share a feed (the three telecom operators, the nine county
 * community reports). The demo registers the city's providers from it; the mapping is data in
 * {@value #RESOURCE}, checked against the catalogue when read.
 */
public final class SyntheticCityFeeds {

    /** The class-path resource of the mapping: tab-separated, header {@code provider feed catalogue_feed}. */
    public static final String RESOURCE = "/sharing/catalogue/synthetic-city-feeds.tsv";

    private static final String HEADER = "provider\tfeed\tcatalogue_feed";

    /** One simulator file and the catalogue feed that reads it. */
    public record Entry(String provider, String feed, FeedDefinition catalogueFeed) {

        public Entry {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(catalogueFeed, "catalogueFeed");
        }
    }

    private static volatile SyntheticCityFeeds standard;

    private final List<Entry> entries;
    private final Map<String, Entry> byFile;

    private SyntheticCityFeeds(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : this.entries) {
            map.put(e.provider() + "/" + e.feed(), e);
        }
        this.byFile = map;
    }

    /** The shipped mapping, against {@link FeedCatalogue#standard()}, read and checked once. */
    public static SyntheticCityFeeds standard() {
        SyntheticCityFeeds s = standard;
        if (s == null) {
            synchronized (SyntheticCityFeeds.class) {
                s = standard;
                if (s == null) {
                    s = parse(readResource(), "synthetic-city-feeds.tsv", FeedCatalogue.standard());
                    standard = s;
                }
            }
        }
        return s;
    }

    /**
     * A mapping from tab-separated text in the format of {@value #RESOURCE}.
     *
     * @throws CatalogueException naming the source and line of the first defect: a header other
     *         than {@code provider feed catalogue_feed}, a line without three fields, a feed the
     *         catalogue does not have, a file mapped twice
     */
    public static SyntheticCityFeeds parse(String tsv, String source, FeedCatalogue catalogue) {
        Objects.requireNonNull(tsv, "tsv");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(catalogue, "catalogue");
        String[] lines = tsv.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new CatalogueException(source + ": line 1: the header must be '" + HEADER.replace('\t', ' ')
                    + "' (tab-separated)");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String where = source + ": line " + (i + 1);
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
                throw new CatalogueException(where + ": expected provider, feed and catalogue_feed separated by tabs");
            }
            String provider = fields[0].strip();
            String feed = fields[1].strip();
            String code = fields[2].strip();
            FeedDefinition definition = catalogue.find(code).orElseThrow(
                    () -> new CatalogueException(where + ": the catalogue (version " + catalogue.version()
                            + ") has no feed " + code));
            Integer earlier = seen.putIfAbsent(provider + "/" + feed, i + 1);
            if (earlier != null) {
                throw new CatalogueException(where + ": " + provider + "/" + feed + " is already mapped on line " + earlier);
            }
            entries.add(new Entry(provider, feed, definition));
        }
        return new SyntheticCityFeeds(entries);
    }

    /** Every mapped file, in the order of the resource. */
    public List<Entry> entries() {
        return entries;
    }

    /** The catalogue feed that reads the simulator's {@code <provider>/<feed>.*} file. */
    public Optional<FeedDefinition> find(String provider, String feed) {
        Entry e = byFile.get(provider + "/" + feed);
        return e == null ? Optional.empty() : Optional.of(e.catalogueFeed());
    }

    private static String readResource() {
        try (InputStream in = SyntheticCityFeeds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("the synthetic-city mapping " + RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synthetic-city mapping " + RESOURCE, e);
        }
    }
}
