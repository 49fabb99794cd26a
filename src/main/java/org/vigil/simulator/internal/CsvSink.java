package org.vigil.simulator.internal;

import java.nio.file.Path;

/** RFC 4180 CSV: comma-separated, a field quoted only when it holds a comma, quote or line break. */
final class CsvSink extends TableSink {

    private final TextOut out;
    private final String lineEnd;

    CsvSink(Path target, TextEncoding encoding, boolean crlf) {
        super(target);
        this.out = new TextOut(temp, encoding);
        this.lineEnd = crlf ? "\r\n" : "\n";
    }

    @Override
    void header(String... names) {
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(names[i].toCharArray(), 0, names[i].length());
        }
        out.write(lineEnd);
    }

    @Override
    void write(Row row) {
        char[] buf = row.buffer();
        int n = row.cells();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write(',');
            }
            int s = row.start(i);
            writeField(buf, s, row.end(i) - s);
        }
        out.write(lineEnd);
        rows++;
    }

    private void writeField(char[] buf, int off, int len) {
        boolean quote = false;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out.write(buf, off, len);
            return;
        }
        out.write('"');
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    @Override
    protected void finish() {
        out.close();
    }
}
