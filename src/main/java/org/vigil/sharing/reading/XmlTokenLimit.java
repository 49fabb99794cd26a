package org.vigil.sharing.reading;

import java.nio.charset.StandardCharsets;

/**
 * Watches the raw bytes of a workbook part for a run of text, a tag, a CDATA section, a comment or
 * a processing instruction longer than a limit. StAX parsers hold such a token whole in memory
 * before handing it over (Aalto does so even for plain text), so within the inflated-size limit
 * one giant cell could still exhaust the heap; this stops it as the bytes arrive. Document type
 * declarations, which workbooks never have, are refused outright: entity expansion attacks start
 * with one.
 *
 * <p>Neither text nor attribute values may contain {@code <}, so outside CDATA sections,
 * comments and processing instructions it is enough to bound the distance between two
 * {@code <}: one comparison a byte. Those three may contain {@code <}, so they are followed to
 * their end and bounded whole.
 */
final class XmlTokenLimit {

    private static final int MARKUP_OR_TEXT = 0;
    private static final int AFTER_LESS_THAN = 1;
    private static final int DECLARATION = 2;
    private static final int CDATA = 3;
    private static final int COMMENT = 4;
    private static final int PROCESSING_INSTRUCTION = 5;

    private static final byte LESS_THAN = '<';
    private static final byte GREATER_THAN = '>';
    private static final byte BANG = '!';
    private static final byte QUESTION_MARK = '?';
    private static final byte DASH = '-';
    private static final byte CLOSING_BRACKET = ']';
    private static final byte[] CDATA_OPENING = "[CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMENT_OPENING = "--".getBytes(StandardCharsets.US_ASCII);

    private final long maxTokenBytes;
    private int state = MARKUP_OR_TEXT;
    private long token;
    /** After {@code <!}: the opening being matched, and how far it is. */
    private byte[] opening;
    /** How far the opening is matched; in a CDATA section or comment, the run of closing characters. */
    private int matched;
    private byte previous;

    XmlTokenLimit(long maxTokenBytes) {
        this.maxTokenBytes = maxTokenBytes;
    }

    /**
     * Follows the next bytes of the part.
     *
     * @return {@code null}, or what is wrong
     */
    String check(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int p = offset;
        while (p < end) {
            if (state == MARKUP_OR_TEXT) {
                int start = p;
                while (p < end && bytes[p] != LESS_THAN) {
                    p++;
                }
                token += p - start;
                if (token > maxTokenBytes) {
                    return tooLong();
                }
                if (p < end) {
                    state = AFTER_LESS_THAN;
                    token = 1;
                    p++;
                }
                continue;
            }
            byte b = bytes[p++];
            token++;
            String problem = special(b);
            if (problem != null) {
                return problem;
            }
            previous = b;
            if (token > maxTokenBytes) {
                return tooLong();
            }
        }
        return null;
    }

    /** One byte after a {@code <}, or inside a declaration, CDATA section, comment or processing instruction. */
    private String special(byte b) {
        switch (state) {
            case AFTER_LESS_THAN -> {
                if (b == BANG) {
                    state = DECLARATION;
                    opening = null;
                    matched = 0;
                }
                else {
                    // a tag: from here on it is bounded with the text after it, up to the next <
                    state = b == QUESTION_MARK ? PROCESSING_INSTRUCTION : MARKUP_OR_TEXT;
                }
            }
            case DECLARATION -> {
                if (opening == null) {
                    opening = b == CDATA_OPENING[0] ? CDATA_OPENING : b == COMMENT_OPENING[0] ? COMMENT_OPENING : null;
                    if (opening == null) {
                        return "a document type or other markup declaration, which workbooks never have";
                    }
                }
                else if (b != opening[matched]) {
                    return "a malformed markup declaration";
                }
                matched++;
                if (matched == opening.length) {
                    state = opening == CDATA_OPENING ? CDATA : COMMENT;
                    matched = 0;
                }
            }
            case CDATA -> matched = closing(b, CLOSING_BRACKET);
            case COMMENT -> matched = closing(b, DASH);
            case PROCESSING_INSTRUCTION -> {
                if (b == GREATER_THAN && previous == QUESTION_MARK) {
                    state = MARKUP_OR_TEXT;
                    token = 0;
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
        return null;
    }

    /** Counts the closing characters of a CDATA section or comment; two of them and {@code >} end it. */
    private int closing(byte b, byte closingCharacter) {
        if (b == GREATER_THAN && matched >= 2) {
            state = MARKUP_OR_TEXT;
            token = 0;
            return 0;
        }
        return b == closingCharacter ? matched + 1 : 0;
    }

    private String tooLong() {
        return "an XML text or tag longer than the limit of " + maxTokenBytes + " bytes";
    }
}
