package org.vigil.sharing.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one JSON Lines line into a row whose cells follow the header's keys. Values become text:
 * strings unescaped, numbers as written, {@code true}/{@code false}, {@code null} as blank, and an
 * object or array as its JSON. Keys the header lacks become extra cells after the header's, so
 * the row is wider than the header and the pipeline reports it.
 */
final class JsonRecordParser implements RecordParser {

    /** Thread-safe once built; parsers it creates can also read nested values as trees. */
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final byte CARRIAGE_RETURN = '\r';
    private static final String BLANK = "";

    private final String file;
    private final TextEncoding encoding;
    private final TextDecoder decoder;
    private final int maxColumns;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final MutableRow row = new MutableRow();
    /** Keys outside the header, in the order the current line gives them. */
    private final List<String> extraKeys = new ArrayList<>();
    /** The line each column was last set in, to catch a key given twice; 0 (never) as lines start at 1. */
    private long[] setIn;
    private char[] chars = new char[0];
    private int charsUsed;
    private char[] decodedLine = new char[0];

    JsonRecordParser(String file, TextEncoding encoding, int maxColumns, List<String> header) {
        this.file = file;
        this.encoding = encoding;
        this.decoder = TextDecoder.of(encoding);
        this.maxColumns = maxColumns;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        this.setIn = new long[Math.max(1, header.size())];
    }

    /**
     * The keys of the object on a line, in order: the header of a JSON Lines file.
     *
     * @return the keys, or {@code null} when the line is blank
     */
    static List<String> keys(String file, TextEncoding encoding, int maxColumns, byte[] buf, int start, int end, long line) {
        if (isBlank(buf, start, end)) {
            return null;
        }
        // with no header, every key is an extra one, in order
        JsonRecordParser parser = new JsonRecordParser(file, encoding, maxColumns, List.of());
        parser.parse(buf, start, end, false, line);
        if (parser.extraKeys.isEmpty()) {
            throw Problems.ofRow(file, line, "the first object has no keys, and the header comes from them");
        }
        return List.copyOf(parser.extraKeys);
    }

    @Override
    public MutableRow parse(byte[] buf, int start, int end, boolean quoted, long line) {
        int e = end > start && buf[end - 1] == CARRIAGE_RETURN ? end - 1 : end;
        if (isBlank(buf, start, e)) {
            row.reset(line, 0);
            return row;
        }
        row.reset(line, header.size());
        extraKeys.clear();
        if (chars.length < e - start) {
            chars = new char[Math.max(e - start, chars.length * 2)];
        }
        charsUsed = 0;
        try (JsonParser json = open(buf, start, e, line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject(buf, start, e, line, "the line is not a JSON object");
            }
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.PROPERTY_NAME) {
                int column = column(json.currentName(), line);
                value(json, json.nextToken(), column);
            }
            if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw notAnObject(buf, start, e, line, "more than one JSON value on the line");
            }
        }
        catch (JacksonException ex) {
            throw notAnObject(buf, start, e, line, "not valid JSON: " + ex.getOriginalMessage());
        }
        return row;
    }

    private JsonParser open(byte[] buf, int start, int end, long line) {
        if (encoding == TextEncoding.GB18030) {
            if (decodedLine.length < end - start) {
                decodedLine = new char[Math.max(end - start, decodedLine.length * 2)];
            }
            int n = decoder.decode(buf, start, end, decodedLine, 0);
            if (n < 0) {
                throw invalidBytes(buf, start, end, -1 - n, line);
            }
            return MAPPER.createParser(decodedLine, 0, n);
        }
        if (!isAscii(buf, start, end)) {
            TextDecoder.Validity validity = decoder.validate(buf, start, end, false);
            if (!validity.valid()) {
                throw invalidBytes(buf, start, end, validity.firstInvalid(), line);
            }
        }
        return MAPPER.createParser(buf, start, end - start);
    }

    /** The column of a key: the header's, or a new one after it. */
    private int column(String key, long line) {
        Integer known = columns.get(key);
        int column;
        if (known != null) {
            column = known;
        }
        else {
            int extra = extraKeys.indexOf(key);
            if (extra < 0) {
                if (row.size() == maxColumns) {
                    throw Problems.ofCell(file, line, key, null, "more keys than the limit of " + maxColumns);
                }
                extraKeys.add(key);
                row.widen(row.size() + 1);
                extra = extraKeys.size() - 1;
            }
            column = header.size() + extra;
        }
        if (column >= setIn.length) {
            setIn = Arrays.copyOf(setIn, Math.max(column + 1, setIn.length * 2));
        }
        if (setIn[column] == line) {
            throw Problems.ofCell(file, line, key, null, "the key appears twice in the object");
        }
        setIn[column] = line;
        return column;
    }

    private void value(JsonParser json, JsonToken token, int column) {
        switch (token) {
            case VALUE_NULL -> row.setText(column, BLANK);
            case START_OBJECT, START_ARRAY -> row.setText(column, json.readValueAsTree().toString());
            default -> {
                int length = json.getTextLength();
                System.arraycopy(json.getTextCharacters(), json.getTextOffset(), chars, charsUsed, length);
                row.setChars(column, chars, charsUsed, charsUsed + length);
                charsUsed += length;
            }
        }
    }

    private RuntimeException notAnObject(byte[] buf, int start, int end, long line, String reason) {
        return Problems.ofCell(file, line, Problems.NO_COLUMN, new String(buf, start, end - start, encoding.charset()), reason);
    }

    private RuntimeException invalidBytes(byte[] buf, int start, int end, int at, long line) {
        return Problems.ofCell(file, line, Problems.NO_COLUMN, new String(buf, start, end - start, encoding.charset()),
                "bytes " + Problems.hex(buf, at, at + decoder.invalidLength(buf, at, end)) + " are not valid "
                        + encoding.description());
    }

    private static boolean isBlank(byte[] buf, int start, int end) {
        for (int p = start; p < end; p++) {
            if (buf[p] > ' ' || buf[p] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] buf, int start, int end) {
        for (int p = start; p < end; p++) {
            if (buf[p] < 0) {
                return false;
            }
        }
        return true;
    }
}
