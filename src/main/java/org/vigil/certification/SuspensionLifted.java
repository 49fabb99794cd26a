package org.vigil.certification;

import java.time.YearMonth;

/**
 * Published, inside the restoration's transaction, when a suspension ends (CERT-17).
 *
 * @param suspensionMonth the month of the batch that suspended
 * @param lossConfirmed   whether the right really was lost for a while (months not owed); false for
 *                        a suspension that was wrong, whose overpayment, if any, is then no debt
 */
public record SuspensionLifted(YearMonth suspensionMonth, long recipientId, YearMonth resumedFrom, boolean lossConfirmed,
        String reason, String officer) {
}
