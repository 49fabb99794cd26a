package org.vigil.cli;

/** Placeholder until the command line lands. */
public final class VigilCli {
    private VigilCli() {
    }

    public static void main(String[] args) {
        // replaced by the picocli command tree
    }
}
