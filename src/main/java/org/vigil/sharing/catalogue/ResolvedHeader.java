package org.vigil.sharing.catalogue;

import java.util.List;
import java.util.Objects;

import org.vigil.identity.FileProblem;

/**
 * Where each column of a feed is in one delivered file: the position of its header cell, or -1
 * for an optional column the file does not have. Headers the feed does not know are listed and
 * otherwise ignored.
 */
public final class ResolvedHeader implements HeaderResolution {

    /** A header cell no column of the feed claims, ignored when reading. */
    public record IgnoredColumn(int index, String header) {
    }

    private final FeedDefinition feed;
    private final int[] indexes;
    private final int width;
    private final List<IgnoredColumn> ignored;

    ResolvedHeader(FeedDefinition feed, int[] indexes, int width, List<IgnoredColumn> ignored) {
        this.feed = Objects.requireNonNull(feed, "feed");
        if (indexes.length != feed.columns().size()) {
            throw new IllegalArgumentException("one index per column of " + feed.code());
        }
        this.indexes = indexes.clone();
        this.width = width;
        this.ignored = List.copyOf(ignored);
    }

    public FeedDefinition feed() {
        return feed;
    }

    /** The number of cells in the file's header row. */
    public int width() {
        return width;
    }

    /**
     * The 0-based position of the column in the file, or -1 when the file lacks this optional column.
     *
     * @throws IllegalArgumentException when the feed has no column with this key
     */
    public int indexOf(String key) {
        List<ColumnDefinition> columns = feed.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return indexes[i];
            }
        }
        throw new IllegalArgumentException("feed " + feed.code() + " has no column '" + key + "'");
    }

    /** Whether the file has the column. */
    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    /** The position of every column of the feed, in the order of {@link FeedDefinition#columns()}; -1 for absent ones. */
    public int[] indexes() {
        return indexes.clone();
    }

    /** The header cells no column claimed. */
    public List<IgnoredColumn> ignoredColumns() {
        return ignored;
    }

    @Override
    public boolean isResolved() {
        return true;
    }

    @Override
    public List<FileProblem> problems() {
        return List.of();
    }

    @Override
    public ResolvedHeader orElseThrow() {
        return this;
    }
}
