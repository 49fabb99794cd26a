package org.vigil.sharing.reading;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The character encodings text deliveries come in. */
public enum TextEncoding {
    /** UTF-8 without a byte-order mark. */
    UTF_8(StandardCharsets.UTF_8, "UTF-8"),
    /** UTF-8 starting with the byte-order mark EF BB BF (what Excel writes for "CSV UTF-8"). */
    UTF_8_BOM(StandardCharsets.UTF_8, "UTF-8"),
    /** GB18030; GBK files are read with it, as it is a superset of GBK (and of GB2312). */
    GB18030(Charset.forName("GB18030"), "GB18030 (GBK)");

    private final Charset charset;
    private final String description;

    TextEncoding(Charset charset, String description) {
        this.charset = charset;
        this.description = description;
    }

    /** The JDK charset with the same mapping. */
    public Charset charset() {
        return charset;
    }

    /** The name people know the encoding by, for messages. */
    String description() {
        return description;
    }
}
