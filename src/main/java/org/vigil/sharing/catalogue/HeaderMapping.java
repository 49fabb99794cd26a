package org.vigil.sharing.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigil.identity.FileProblem;
import org.vigil.identity.Rejection;

/**
 * Finds a feed's columns in a delivered file's header row. Headers are compared after
 * {@link HeaderText#normalise normalisation}, in any order; a provider's own spellings
 * ({@code providerAliases}) let its files be read as they are, without anyone editing them.
 * Every problem of the row is reported at once, so a department fixes its file in one go.
 */
public final class HeaderMapping {

    /** The row a header is on unless the caller says otherwise. */
    public static final long HEADER_ROW = 1;

    private HeaderMapping() {
    }

    /** As {@link #resolve(FeedDefinition, List, Map, String, long)} with the header on row 1. */
    public static HeaderResolution resolve(FeedDefinition feed, List<String> header, Map<String, String> providerAliases,
            String fileName) {
        return resolve(feed, header, providerAliases, fileName, HEADER_ROW);
    }

    /**
     * Maps each header cell to a column of the feed.
     *
     * @param header          the file's header cells (for JSON Lines, the first object's keys)
     * @param providerAliases a provider's own header text → column key; these win over the
     *                        catalogue's spellings, since the provider knows its own file
     * @param fileName        the file, for the problems
     * @param headerRow       the row the header is on, for the problems
     * @return the column positions, or the problems: a required column missing, a column's header
     *         twice, two headers for one column, an empty header cell before the last named one.
     *         Headers the feed does not know (repeated or not) and empty cells after the last
     *         header are ignored and listed in {@link ResolvedHeader#ignoredColumns()}
     * @throws IllegalArgumentException when a provider alias names a key the feed does not have
     *         or is blank: a configuration error, not a defect of the file
     */
    public static HeaderResolution resolve(FeedDefinition feed, List<String> header, Map<String, String> providerAliases,
            String fileName, long headerRow) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(providerAliases, "providerAliases");
        Objects.requireNonNull(fileName, "fileName");
        List<ColumnDefinition> columns = feed.columns();
        Map<String, Integer> lookup = lookup(feed, providerAliases);

        int[] indexes = new int[columns.size()];
        Arrays.fill(indexes, -1);
        Map<String, Integer> seen = new HashMap<>();
        List<ResolvedHeader.IgnoredColumn> ignored = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        int width = lastNamedCell(header) + 1;
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i) == null ? "" : header.get(i);
            String n = HeaderText.normalise(cell);
            if (n.isEmpty()) {
                if (i < width) {
                    // A blank between named cells is usually a header someone deleted: its data cannot be placed.
                    problems.add(problem(fileName, headerRow, Integer.toString(i + 1), cell, HeaderProblemReason.EMPTY_HEADER,
                            "column " + (i + 1) + " has no header"));
                } else {
                    // Blank cells after the last header are what a trailing comma or a formatted empty cell leaves.
                    ignored.add(new ResolvedHeader.IgnoredColumn(i, cell));
                }
                continue;
            }
            Integer column = lookup.get(n);
            Integer earlier = seen.putIfAbsent(n, i);
            if (column == null) {
                // A header the feed does not know is never read, so a repeat of it is harmless.
                ignored.add(new ResolvedHeader.IgnoredColumn(i, cell));
                continue;
            }
            if (earlier != null) {
                problems.add(problem(fileName, headerRow, cell.strip(), cell, HeaderProblemReason.DUPLICATE_HEADER,
                        "columns " + (earlier + 1) + " and " + (i + 1) + " are both headed '" + cell.strip() + "'"));
                continue;
            }
            if (indexes[column] >= 0) {
                ColumnDefinition c = columns.get(column);
                int first = indexes[column];
                problems.add(problem(fileName, headerRow, cell.strip(), cell, HeaderProblemReason.SAME_COLUMN_TWICE,
                        "'" + header.get(first).strip() + "' (column " + (first + 1) + ") and '" + cell.strip()
                                + "' (column " + (i + 1) + ") are both " + c.header() + " (" + c.key() + ")"));
                continue;
            }
            indexes[column] = i;
        }
        for (int c = 0; c < columns.size(); c++) {
            ColumnDefinition column = columns.get(c);
            if (column.required() && indexes[c] < 0) {
                problems.add(problem(fileName, headerRow, column.header(), null, HeaderProblemReason.MISSING_COLUMN,
                        column.header() + " (" + column.key() + ") is required; accepted headers: "
                                + String.join(", ", column.acceptedHeaders())));
            }
        }
        if (!problems.isEmpty()) {
            return new HeaderProblems(problems);
        }
        return new ResolvedHeader(feed, indexes, header.size(), ignored);
    }

    /** The position of the last header cell with text, or -1 when there is none. */
    private static int lastNamedCell(List<String> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i) != null && !HeaderText.normalise(header.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** Normalised spelling → column position: the catalogue's spellings, then the provider's over them. */
    private static Map<String, Integer> lookup(FeedDefinition feed, Map<String, String> providerAliases) {
        List<ColumnDefinition> columns = feed.columns();
        Map<String, Integer> lookup = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            for (String spelling : columns.get(c).acceptedHeaders()) {
                lookup.put(HeaderText.normalise(spelling), c);
            }
        }
        for (Map.Entry<String, String> alias : providerAliases.entrySet()) {
            String n = HeaderText.normalise(Objects.requireNonNull(alias.getKey(), "provider alias"));
            if (n.isEmpty()) {
                throw new IllegalArgumentException("feed " + feed.code() + ": a provider alias is blank");
            }
            int column = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).key().equals(alias.getValue())) {
                    column = c;
                }
            }
            if (column < 0) {
                throw new IllegalArgumentException("feed " + feed.code() + ": provider alias '" + alias.getKey()
                        + "' names column '" + alias.getValue() + "', which the feed does not have; its keys are "
                        + columns.stream().map(ColumnDefinition::key).toList());
            }
            lookup.put(n, column);
        }
        return lookup;
    }

    private static FileProblem problem(String file, long row, String column, String value, HeaderProblemReason reason,
            String detail) {
        return FileProblem.of(file, row, column, value, new Rejection(reason, detail));
    }
}
