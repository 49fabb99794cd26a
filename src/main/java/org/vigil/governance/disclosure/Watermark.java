package org.vigil.governance.disclosure;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every exported file carries visibly and in its properties (DATA-9): who exported it, when,
 * why and under which request, so a copy found anywhere names its source.
 *
 * @param at when the file was produced, in the agency's zone
 */
public record Watermark(long requestId, String username, String displayName, ZonedDateTime at, Purpose purpose,
        String note) {

    /** The request id of a file written by the server's operator, under no request (ADR 0032). */
    public static final long NO_REQUEST = 0;

    /** What stands for the request's number on an operator's file: there is none to cite. */
    static final String NO_NUMBER = "无（服务器操作员导出，未经申请）";

    /**
     * The watermark of a file the server's operator writes from the command line without a staff
     * account (ADR 0032): no request stands behind it, so it names the operating-system user.
     */
    public static Watermark operator(String osUser, ZonedDateTime at, Purpose purpose, String note) {
        return new Watermark(NO_REQUEST, "operator:" + osUser, "服务器操作员", at, purpose, note);
    }

    /** The request's number as people see it, {@code EXP-000017}; none for an operator's file. */
    public String number() {
        return requestId == NO_REQUEST ? NO_NUMBER : ExportRequest.numberOf(requestId);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** 导出人…；时间…；用途…；编号…: the line at the top of every sheet and in the file's properties. */
    public String text() {
        return "导出人：" + who() + "；时间：" + time() + "；用途：" + why() + "；编号：" + number();
    }

    /**
     * The same without the officer's note, short enough for a page header or footer, which
     * spreadsheet programs cut at 255 characters.
     */
    public String shortText() {
        return "导出人：" + who() + "；时间：" + time() + "；用途：" + purpose.chinese() + "；编号：" + number();
    }

    /** Each part on its own, for the file's custom properties. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("导出人", who());
        p.put("导出时间", time());
        p.put("用途", why());
        p.put("导出编号", number());
        return p;
    }

    private String who() {
        return displayName + "（" + username + "）";
    }

    private String time() {
        return TIME.format(at);
    }

    private String why() {
        return note == null || note.isBlank() ? purpose.chinese() : purpose.chinese() + "（" + note + "）";
    }
}
