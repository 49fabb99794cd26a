package org.vigil.sharing.quality;

import java.time.YearMonth;

/** The figures of one feed's deliveries for one data month. */
public record MonthQuality(YearMonth month, QualityFigures figures) {
}
