package org.vigil.sharing.internal;

import java.util.Map;

/**
 * Writes the flat string maps this module keeps as {@code jsonb} (a fact's other columns, a
 * review item's candidates). Kept to what those need, so the format stays under our control.
 */
final class JsonText {

    private JsonText() {
    }

    static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder(values.size() * 24 + 2).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey()).append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
