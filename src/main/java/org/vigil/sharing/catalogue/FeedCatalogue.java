package org.vigil.sharing.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every kind of file Vigil accepts from departments, as versioned data: the four classes of
 * shared data of SHARE-3, the department registers of REG-11 and the CERT-9 records for
 * dependents. The catalogue is read from {@value #RESOURCE}; adding a feed or a header spelling is
 * a new catalogue version, not a code change (see {@code docs/feed-catalogue.md}).
 */
public final class FeedCatalogue {

    /** The class-path resource of the shipped catalogue. */
    public static final String RESOURCE = "/sharing/catalogue/feeds.yml";

    private static volatile FeedCatalogue standard;

    private final int version;
    private final List<FeedDefinition> feeds;
    private final Map<String, FeedDefinition> byCode;

    FeedCatalogue(int version, List<FeedDefinition> feeds) {
        if (version < 1) {
            throw new IllegalArgumentException("catalogue versions start at 1, found " + version);
        }
        this.version = version;
        this.feeds = List.copyOf(feeds);
        Map<String, FeedDefinition> map = new LinkedHashMap<>();
        for (FeedDefinition feed : this.feeds) {
            if (map.put(feed.code(), feed) != null) {
                throw new IllegalArgumentException("feed " + feed.code() + ": duplicate code");
            }
        }
        this.byCode = map;
    }

    /** The shipped catalogue, read and checked once. */
    public static FeedCatalogue standard() {
        FeedCatalogue c = standard;
        if (c == null) {
            synchronized (FeedCatalogue.class) {
                c = standard;
                if (c == null) {
                    c = fromYaml(readResource(), "feeds.yml");
                    standard = c;
                }
            }
        }
        return c;
    }

    /**
     * A catalogue from YAML text in the format of {@value #RESOURCE}.
     *
     * @param source what to call the text in messages, such as a file name
     * @throws CatalogueException naming the source, feed and column of the first defect
     */
    public static FeedCatalogue fromYaml(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        return CatalogueLoader.load(yaml, Objects.requireNonNull(source, "source"));
    }

    public int version() {
        return version;
    }

    public Optional<FeedDefinition> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every feed, in catalogue order. */
    public List<FeedDefinition> all() {
        return feeds;
    }

    private static String readResource() {
        try (InputStream in = FeedCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("the feed catalogue " + RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feed catalogue " + RESOURCE, e);
        }
    }
}
