package org.vigil.registry;

/**
 * Why a person is a {@link Candidate} for a row without a usable ID, with the points each reason
 * adds to the score. The points order the list for the reviewer; they are not a probability and
 * no score is high enough to link a row without review (SHARE-6).
 *
 * <p>A name sound alone is weak (common names recur thousands of times in a city); a birth date
 * alone is weaker still (a few dozen people share each birthday per million); together they are
 * the strongest evidence a row without an ID carries. Living in the same place adds a little:
 * department records lag behind moves, so a different address does not rule a person out.
 */
public enum MatchReason {

    /** The same normalised name (traditional and simplified characters count as the same). */
    EXACT_NAME(50, "姓名相同"),
    /** A different name that sounds the same: 张晓明 and 张小明, or Zhang Xiaoming. */
    SAME_NAME_SOUND(35, "姓名同音"),
    SAME_BIRTH_DATE(40, "出生日期相同"),
    /** Born within {@value PersonIndex#NEAR_BIRTH_DAYS} days of the query's date: a slip in transcription. */
    NEAR_BIRTH_DATE(12, "出生日期相近"),
    /** The same 12-digit community or village. */
    SAME_COMMUNITY(15, "同一社区（村）"),
    /** The same 9-digit street or town, another community. */
    SAME_STREET(10, "同一街道（乡镇）"),
    /** The same 6-digit district or county, another street. */
    SAME_DISTRICT(6, "同一区县"),
    /** The same prefecture-level city, another district. */
    SAME_CITY(2, "同一地市");

    private final int points;
    private final String chinese;

    MatchReason(int points, String chinese) {
        this.points = points;
        this.chinese = chinese;
    }

    /** What this reason adds to a candidate's score. */
    public int points() {
        return points;
    }

    /** The label the review screen shows. */
    public String chinese() {
        return chinese;
    }
}
