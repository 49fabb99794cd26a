package org.vigil.sharing.catalogue;

import org.vigil.identity.Parsed;

/**
 * Reads one cell of a column into its typed value, or says why it cannot. Called for every cell of
 * every delivered file, so implementations neither throw on bad input nor keep state: one parser
 * may serve many threads.
 *
 * @param <T> the value type ({@link ColumnType#valueType()})
 */
@FunctionalInterface
public interface CellParser<T> {

    /**
     * @param raw the cell's text as the reader gives it, already trimmed; an empty cell is refused
     *            with an {@code EMPTY} reason, and whether that matters is the column's
     *            {@link ColumnDefinition#blankAllowed()}
     */
    Parsed<T> parse(CharSequence raw);
}
