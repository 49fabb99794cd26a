package org.vigil.certification.internal;

/**
 * Called half-way through a batch step's writes, inside its transaction. Nothing implements it in
 * Vigil; the crash test puts one in a child process that stops there to be killed, which is how it
 * proves a step killed half-way leaves nothing of itself.
 */
@FunctionalInterface
public interface BatchStepProbe {

    /** @param step {@code build} or {@code release} */
    void halfway(String step, java.time.YearMonth month);
}
