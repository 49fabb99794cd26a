package org.vigil.certification;

/** Where an instruction comes from. */
public enum InstructionOrigin {
    /** A month's suspension batch, approved by district and released. */
    BATCH,
    /** An officer's restoration ({@code vigil restore}): the officer's decision is its approval. */
    OFFICER
}
