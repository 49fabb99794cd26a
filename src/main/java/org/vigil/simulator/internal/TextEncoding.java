package org.vigil.simulator.internal;

/** Character encodings of the files departments send. */
enum TextEncoding {
    UTF_8("UTF-8"),
    /** UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it. */
    UTF_8_BOM("UTF-8-BOM"),
    /** GBK (CP936), what Chinese Windows software writes by default. */
    GBK("GBK");

    private final String label;

    TextEncoding(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
