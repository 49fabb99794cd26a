package org.vigil.sharing.quality;

/**
 * How punctually a provider delivered the periods of a year (SHARE-5): the periods whose due date
 * had passed, and of those the ones delivered by it, late, and not at all.
 */
public record Timeliness(long due, long onTime, long late, long missing) {

    public static final Timeliness NONE = new Timeliness(0, 0, 0, 0);

    public Timeliness {
        if (onTime + late + missing != due || onTime < 0 || late < 0 || missing < 0) {
            throw new IllegalArgumentException("every period due is on time, late or missing: " + due + " due, " + onTime
                    + " on time, " + late + " late, " + missing + " missing");
        }
    }

    public Timeliness plus(Timeliness other) {
        return new Timeliness(due + other.due, onTime + other.onTime, late + other.late, missing + other.missing);
    }

    /** The share delivered on time, as a rate of periods. */
    public Rate onTimeShare() {
        return new Rate(onTime, due);
    }
}
