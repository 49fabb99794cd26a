package org.vigil.simulator.internal;

/**
 * Names of the independent random streams. A decision's generator is keyed by its stream and
 * subject, so adding a new kind of decision never shifts the draws of an existing one.
 */
final class Streams {

    static final long GEOGRAPHY = 1;
    static final long HOUSEHOLD = 2;
    static final long PERSON = 3;
    static final long ID_NUMBER = 4;
    static final long EMPLOYER = 5;
    static final long CAREER = 6;
    static final long RECIPIENT = 7;
    static final long LIFE = 8;
    static final long HOUSEHOLD_LIFE = 9;
    static final long REPORT = 10;
    static final long SCENARIO = 11;
    static final long BIRTH = 12;
    static final long FEED = 13;
    static final long ACTIVITY = 14;
    static final long MARRIAGE = 15;
    static final long STRANGER = 16;

    private Streams() {
    }
}
