package org.vigil.recovery.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.identity.Money;
import org.vigil.recovery.TipOffs;
import org.vigil.recovery.TipOffs.Allegation;
import org.vigil.recovery.TipOffs.TipOff;
import org.vigil.recovery.TipOffs.TipOffChannel;
import org.vigil.recovery.TipOffs.TipOffException;
import org.vigil.recovery.TipOffs.TipOffStatus;

/**
 * The tip-off register over HTTP (CERT-20): received and handled by officers within their
 * jurisdiction, rewarded by the city administrator, the reporter shown only to pay a reward, and the
 * year's figures for publication. The reporter's identity is never part of a list or a tip-off's view.
 */
@RestController
@RequestMapping("/api/recovery/tip-offs")
class TipOffController {

    private final TipOffs tipOffs;

    TipOffController(TipOffs tipOffs) {
        this.tipOffs = tipOffs;
    }

    record ReceiveRequest(@NotNull LocalDate receivedOn, @NotNull TipOffChannel channel,
            @NotBlank @Size(max = 6) String district, @NotNull Allegation allegation, @Size(max = 18) String subjectIdNumber,
            @NotBlank @Size(max = 64) String subjectName, @NotBlank @Size(max = 2000) String account,
            @Size(max = 64) String reporterName, @Size(max = 32) String reporterPhone, @Size(max = 18) String reporterIdNumber) {
    }

    record HandleRequest(@NotNull TipOffStatus outcome, @Size(max = 200) String note) {
    }

    record RewardRequest(@NotNull @Positive BigDecimal amount) {
    }

    record ReporterRequest(@NotBlank @Size(max = 200) String note) {
    }

    record TipOffView(long id, LocalDate receivedOn, String channel, String channelChinese, String district,
            String allegation, String allegationChinese, String subject, boolean subjectLinked, boolean anonymous,
            String status, String statusChinese, String outcomeNote, BigDecimal reward, Instant recordedAt) {

        static TipOffView of(TipOff t) {
            return new TipOffView(t.id(), t.receivedOn(), t.channel().name(), t.channel().chinese(), t.district(),
                    t.allegation().name(), t.allegation().chinese(), t.subjectMasked(), t.subjectLinked(), t.anonymous(),
                    t.status().name(), t.status().chinese(), t.outcomeNote(), t.reward() == null ? null : t.reward().yuan(),
                    t.recordedAt());
        }
    }

    record ReporterView(long tipOffId, String name, String phone, String idNumber) {
    }

    record PublishedView(int year, long received, long verified, long unfounded, long pending, long rewarded,
            BigDecimal rewards) {
    }

    @Allowed(Permission.TIP_OFF_RECORD)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TipOffView receive(@AuthenticationPrincipal StaffPrincipal who, @Valid @RequestBody ReceiveRequest r) {
        return TipOffView.of(tipOffs.receive(new TipOffs.NewTipOff(r.receivedOn(), r.channel(), r.district(),
                r.allegation(), r.subjectIdNumber(), r.subjectName(), r.account(), r.reporterName(), r.reporterPhone(),
                r.reporterIdNumber()), who));
    }

    @Allowed(Permission.TIP_OFF_RECORD)
    @GetMapping
    List<TipOffView> list(@RequestParam(required = false) TipOffStatus status) {
        return tipOffs.list(Optional.ofNullable(status)).stream().map(TipOffView::of).toList();
    }

    @Allowed(Permission.TIP_OFF_RECORD)
    @PostMapping("/{id}/outcome")
    TipOffView handle(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody HandleRequest r) {
        return TipOffView.of(tipOffs.handle(id, r.outcome(), r.note(), who));
    }

    @Allowed(Permission.TIP_OFF_REPORTER)
    @PostMapping("/{id}/reward")
    TipOffView reward(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody RewardRequest r) {
        Money amount = Money.parse(r.amount().toPlainString()).toOptional()
                .orElseThrow(() -> new TipOffException(TipOffException.Kind.INVALID, "amount is yuan to the fen / 金额精确到分"));
        return TipOffView.of(tipOffs.reward(id, amount, who));
    }

    @Allowed(Permission.TIP_OFF_REPORTER)
    @PostMapping("/{id}/reporter")
    ReporterView reporter(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody ReporterRequest r) {
        TipOffs.Reporter p = tipOffs.reporter(id, who, r.note());
        return new ReporterView(p.tipOffId(), p.name(), p.phone(), p.idNumber());
    }

    @Allowed(Permission.STATISTICS_VIEW)
    @GetMapping("/published")
    PublishedView published(@RequestParam int year) {
        if (year < 2000 || year > 2999) {
            throw new TipOffException(TipOffException.Kind.INVALID, "year is a four-digit year / 年份须为四位数字");
        }
        TipOffs.Published p = tipOffs.published(Year.of(year));
        return new PublishedView(p.year().getValue(), p.received(), p.verified(), p.unfounded(), p.pending(), p.rewarded(),
                p.rewards().yuan());
    }

    /** The register's refusals and bad requests as RFC 9457 problems. */
    @RestControllerAdvice(assignableTypes = TipOffController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {

        private static final String TYPE = "urn:vigil:problem:tip-off:";
        private static final String INVALID = "Invalid request / 请求内容有误";

        @ExceptionHandler(TipOffException.class)
        ProblemDetail refused(TipOffException e) {
            HttpStatus status = switch (e.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
            };
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
            p.setType(URI.create(TYPE + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
            p.setTitle(switch (e.kind()) {
                case INVALID -> INVALID;
                case NOT_FOUND -> "Not found / 未找到";
                case CONFLICT -> "Not allowed in the tip-off's state / 与举报当前状态冲突";
            });
            return p;
        }

        @ExceptionHandler(MethodArgumentNotValidException.class)
        ProblemDetail invalidBody(MethodArgumentNotValidException e) {
            List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "code", f.getCode() == null ? "INVALID" : f.getCode()))
                    .toList();
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violations.size()
                    + " field(s) of the request are invalid: " + String.join(", ", violations.stream()
                            .map(v -> v.get("field")).sorted().toList()) + " / 请求字段有误");
            p.setType(URI.create(TYPE + "invalid"));
            p.setTitle(INVALID);
            p.setProperty("violations", violations);
            return p;
        }

        @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
        ProblemDetail unreadable(Exception e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request is not of the "
                    + "expected form (channel one of " + List.of(TipOffChannel.values()) + ", allegation one of "
                    + List.of(Allegation.values()) + ", status one of " + List.of(TipOffStatus.values())
                    + ", dates yyyy-MM-dd) / 请求内容格式有误");
            p.setType(URI.create(TYPE + "invalid"));
            p.setTitle(INVALID);
            return p;
        }
    }
}
