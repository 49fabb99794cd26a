package org.vigil.certification.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/** A monthly file's header row: its column names, found by name so any column order works. */
record Header(List<String> names, long length) {

    int columns() {
        return names.size();
    }

    /** The position of a column, or -1. */
    int index(String name) {
        return names.indexOf(name);
    }

    static Header read(FileChannel channel, String file, String... required) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        int n = channel.read(buffer, 0);
        byte[] bytes = buffer.array();
        int end = -1;
        for (int i = 0; i < Math.max(n, 0); i++) {
            if (bytes[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new BadInputException(List.of(new FileProblem(file, 1, "", "", "no header row ending in a line feed")));
        }
        int from = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        int to = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
        List<String> names = Arrays.stream(new String(bytes, from, to - from, StandardCharsets.UTF_8).split(",", -1))
                .map(String::trim).toList();
        for (String r : required) {
            if (!names.contains(r)) {
                throw new BadInputException(List.of(new FileProblem(file, 1, r, String.join(",", names),
                        "the header lacks column " + r)));
            }
        }
        return new Header(names, end + 1L);
    }
}
