package org.vigil.sharing.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a feed: its stable English key, the Chinese header departments write and the other
 * spellings met in real files, what it holds, whether a file must have it, its DATA-6 review level
 * and its part in the fact.
 *
 * @param key           stable English key, lower case with underscores ({@code id_number})
 * @param header        the header departments actually write
 * @param aliases       other spellings of the header, none equal to another after
 *                      {@link HeaderText#normalise normalisation}
 * @param type          what the cells hold
 * @param choices       the allowed values of a {@link ColumnType#CHOICE} column; empty otherwise
 * @param required      whether a file without this column is refused
 * @param blankAllowed  whether a row may leave the cell empty (a community report without an ID)
 * @param review        the DATA-6 review level of the column's values
 * @param role          the column's part in the fact
 * @param futureAllowed whether a date may lie after the as-of date (a sentence's end)
 * @param maxLength     the longest text kept, in characters, for {@link ColumnType#isText() text}
 *                      columns; 0 for the others
 */
public record ColumnDefinition(String key, String header, List<String> aliases, ColumnType type, List<String> choices,
        boolean required, boolean blankAllowed, ReviewLevel review, ColumnRole role, boolean futureAllowed,
        int maxLength) {

    /** The longest text kept in a text column unless the catalogue says otherwise. */
    public static final int DEFAULT_TEXT_LENGTH = 200;
    /** The longest address kept unless the catalogue says otherwise. */
    public static final int DEFAULT_ADDRESS_LENGTH = 300;

    public ColumnDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(role, "role");
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
        if (!isKey(key)) {
            throw new IllegalArgumentException("key '" + key + "' is not lower-case letters, digits and underscores");
        }
        if (HeaderText.normalise(header).isEmpty()) {
            throw new IllegalArgumentException("missing header");
        }
        Set<String> seen = new HashSet<>();
        seen.add(HeaderText.normalise(header));
        for (String alias : aliases) {
            String n = HeaderText.normalise(alias);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("an empty alias");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("duplicate alias '" + alias + "'");
            }
        }
        if ((type == ColumnType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(type == ColumnType.CHOICE
                    ? "a CHOICE column needs its allowed values" : "only a CHOICE column has allowed values");
        }
        Set<String> values = new HashSet<>();
        for (String choice : choices) {
            if (!values.add(HeaderText.normalise(choice)) || HeaderText.normalise(choice).isEmpty()) {
                throw new IllegalArgumentException("duplicate or empty allowed value '" + choice + "'");
            }
        }
        if (type.fixedByData6() && review != type.defaultReview()) {
            throw new IllegalArgumentException("DATA-6 sets the review level of " + type + " to " + type.defaultReview()
                    + ", not " + review);
        }
        if (!role.admits(type)) {
            throw new IllegalArgumentException("a " + type + " column cannot play the role " + role);
        }
        if (futureAllowed && !type.isCalendar()) {
            throw new IllegalArgumentException("only dates, months and years can be allowed in the future, not " + type);
        }
        if (type.isText() ? maxLength <= 0 : maxLength != 0) {
            throw new IllegalArgumentException(type.isText()
                    ? "a text column needs a positive maximum length" : "only text columns have a maximum length");
        }
        if (!required && !blankAllowed) {
            // An optional column may be left out entirely, so a row may as well leave its cell empty.
            throw new IllegalArgumentException("an optional column must allow blank cells");
        }
    }

    /** The header and every alias: each spelling under which a file may carry this column. */
    public List<String> acceptedHeaders() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(header);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /** Whether {@code header}, after normalisation, is one of this column's spellings. */
    public boolean accepts(CharSequence header) {
        String n = HeaderText.normalise(header);
        for (String accepted : acceptedHeaders()) {
            if (HeaderText.normalise(accepted).equals(n)) {
                return true;
            }
        }
        return false;
    }

    static boolean isKey(String key) {
        if (key.isEmpty() || !(key.charAt(0) >= 'a' && key.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
