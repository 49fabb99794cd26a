package org.vigil.simulator.internal;

enum FileFormat {
    CSV("csv"), XLSX("xlsx"), JSONL("jsonl");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
