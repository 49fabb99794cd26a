package org.vigil.simulator.internal;

import java.nio.file.Path;

/** JSON Lines in UTF-8: one object per row, keys from the header, empty cells as null. */
final class JsonlSink extends TableSink {

    private final TextOut out;
    private String[] keys = new String[0];

    JsonlSink(Path target) {
        super(target);
        this.out = new TextOut(temp, TextEncoding.UTF_8);
    }

    @Override
    void header(String... names) {
        keys = names.clone();
    }

    @Override
    void write(Row row) {
        char[] buf = row.buffer();
        out.write('{');
        for (int i = 0; i < row.cells(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(keys[i]);
            out.write("\":");
            int s = row.start(i);
            int e = row.end(i);
            if (s == e) {
                out.write("null");
            } else if (row.kind(i) == Row.NUMBER) {
                out.write(buf, s, e - s);
            } else {
                out.write('"');
                for (int k = s; k < e; k++) {
                    char c = buf[k];
                    if (c == '"' || c == '\\') {
                        out.write('\\');
                        out.write(c);
                    } else if (c < 0x20) {
                        out.write("\\u00");
                        out.write(Character.forDigit(c >> 4, 16));
                        out.write(Character.forDigit(c & 15, 16));
                    } else {
                        out.write(c);
                    }
                }
                out.write('"');
            }
        }
        out.write("}\n");
        rows++;
    }

    @Override
    protected void finish() {
        out.close();
    }
}
