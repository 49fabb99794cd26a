package org.vigil.sharing.quality;

import java.util.List;

/**
 * The gate's answer: pass, or hold with every reason (each in Chinese and English, naming the
 * metric, its value and the threshold or the history it was held against).
 */
public record GateDecision(boolean hold, List<String> reasons) {

    public static final GateDecision PASS = new GateDecision(false, List.of());

    public GateDecision {
        reasons = List.copyOf(reasons);
        if (hold == reasons.isEmpty()) {
            throw new IllegalArgumentException("a hold, and only a hold, gives its reasons");
        }
    }

    public static GateDecision hold(List<String> reasons) {
        return new GateDecision(true, reasons);
    }
}
