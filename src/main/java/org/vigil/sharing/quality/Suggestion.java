package org.vigil.sharing.quality;

import java.util.Optional;

/**
 * The improvement asked of a provider in its yearly evaluation (SHARE-9 改进意见), from its weakest
 * point.
 *
 * @param weakest  the issue that strained its threshold most, with the feed; empty when nothing could be measured
 * @param feed     the feed of the weakest point, when it is one feed's
 * @param metMinimums whether every measured figure kept within its threshold
 * @param chinese  the suggestion in Chinese
 * @param english  the suggestion in English
 */
public record Suggestion(Optional<QualityIssue> weakest, Optional<String> feed, boolean metMinimums, String chinese,
        String english) {
}
