package org.vigil.sharing.quality;

import java.time.LocalDate;

/**
 * One follow-up of a rectification notice: a call to the liaison, a corrected file received, the
 * closing. Notes are only ever added.
 *
 * @param on      the day it was noted
 * @param officer who noted it ({@code vigil} for what the system itself found again)
 * @param note    what happened
 * @param closing whether this note closed the notice
 */
public record FollowUp(LocalDate on, String officer, String note, boolean closing) {
}
