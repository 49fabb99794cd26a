package org.vigil.identity;

import java.util.Objects;

/**
 * A refused value: the reason and a detail that says exactly what was wrong with this input
 * (for example {@code "expected check digit 7, found 3"}).
 */
public record Rejection(RejectionReason reason, String detail) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public String code() {
        return reason.code();
    }

    /** One line for people: the reason, then the detail when there is one. */
    public String message() {
        return detail.isEmpty() ? reason.english() : reason.english() + ": " + detail;
    }

    public String messageChinese() {
        return detail.isEmpty() ? reason.chinese() : reason.chinese() + "：" + detail;
    }
}
