package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The words of a refusal, in Chinese for staff and in English: always the provider, the feed and
 * the day, then what the nearest agreement is, so whoever reads it knows whom to call and about
 * what (renew, sign, wait).
 */
final class RefusalText {

    private RefusalText() {
    }

    static AgreementCheck.Refused refuse(String provider, String providerName, String feed, LocalDate on,
            RefusalReason reason, Agreement previous, Agreement next, AgreementPurpose purpose) {
        String who = providerName == null ? provider : provider + "（" + providerName + "）";
        String whoEnglish = providerName == null ? provider : provider + " (" + providerName + ")";
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        switch (reason) {
            case UNKNOWN_PROVIDER -> {
                zh.append("数据提供方 ").append(provider).append(" 未登记，不能接收其数据项 ").append(feed)
                        .append("（").append(on).append("）");
                en.append("Provider ").append(provider).append(" is not registered, so its feed ").append(feed)
                        .append(" cannot be taken in (").append(on).append(")");
            }
            case PURPOSE_NOT_PERMITTED -> {
                zh.append("数据提供方 ").append(who).append(" 的协议 ").append(previous.number()).append(" 在 ").append(on)
                        .append(" 覆盖数据项 ").append(feed).append("，但不允许用于").append(purpose.chinese());
                en.append("Agreement ").append(previous.number()).append(" of provider ").append(whoEnglish)
                        .append(" covers feed ").append(feed).append(" on ").append(on)
                        .append(" but does not permit use for ").append(purpose.english());
            }
            default -> {
                zh.append("数据提供方 ").append(who).append(" 在 ").append(on).append(" 没有覆盖数据项 ").append(feed)
                        .append(" 的有效数据使用保密协议");
                en.append("Provider ").append(whoEnglish).append(" has no data-use agreement in force for feed ")
                        .append(feed).append(" on ").append(on);
                describePrevious(reason, previous, zh, en);
                if (next != null) {
                    zh.append("；协议 ").append(next.number()).append(" 自 ").append(next.validFrom()).append(" 起生效");
                    en.append("; agreement ").append(next.number()).append(" comes into force on ").append(next.validFrom());
                }
                if (reason == RefusalReason.NO_AGREEMENT) {
                    zh.append("；该数据项从未签订协议");
                    en.append("; none has ever been recorded for this feed");
                }
            }
        }
        zh.append("。");
        en.append(".");
        return new AgreementCheck.Refused(provider, feed, on, reason, Optional.ofNullable(previous),
                Optional.ofNullable(next), zh.toString(), en.toString());
    }

    private static void describePrevious(RefusalReason reason, Agreement previous, StringBuilder zh, StringBuilder en) {
        if (reason == RefusalReason.EXPIRED) {
            zh.append("；最近一份协议 ").append(previous.number()).append(" 已于 ").append(previous.validTo()).append(" 到期");
            en.append("; the last one, ").append(previous.number()).append(", expired on ").append(previous.validTo());
        }
        else if (reason == RefusalReason.TERMINATED) {
            Termination t = previous.termination().orElseThrow();
            zh.append("；最近一份协议 ").append(previous.number()).append(" 已自 ").append(t.effectiveFrom())
                    .append(" 起终止（原因：").append(t.reason()).append("）");
            en.append("; the last one, ").append(previous.number()).append(", was terminated from ")
                    .append(t.effectiveFrom()).append(" (reason: ").append(t.reason()).append(")");
        }
    }
}
