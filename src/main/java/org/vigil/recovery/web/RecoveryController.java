package org.vigil.recovery.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.vigil.certification.ReasonWords;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;
import org.vigil.recovery.CaseStatus;
import org.vigil.recovery.OverpaymentCase;
import org.vigil.recovery.RecoveryCases;

/**
 * The overpayment cases for recovery staff (SHARE-7(4)), each with the months overpaid and the
 * evidence rows of the loss; ID numbers and names masked as on every list.
 */
@RestController
@Allowed(Permission.RECOVERY_VIEW)
@RequestMapping("/api/recovery")
class RecoveryController {

    private final RecoveryCases cases;
    private final Clock clock;

    RecoveryController(RecoveryCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    record MonthView(YearMonth month, BigDecimal amount) {
    }

    record EvidenceView(String provider, String feed, long deliveryId, long row) {
    }

    record CaseView(long recipientId, YearMonth suspensionMonth, String idNumber, String name, String benefit,
            String benefitChinese, String district, String reason, String reasonChinese, String reasonEnglish,
            LocalDate lossFrom, YearMonth effectiveMonth, YearMonth lastPaid, List<MonthView> months, BigDecimal total,
            List<EvidenceView> evidence, String status, String statusChinese, Instant openedAt, Instant closedAt,
            String closeReason) {
    }

    @GetMapping("/cases")
    List<CaseView> cases(@RequestParam(required = false) CaseStatus status) {
        return cases.list(Optional.ofNullable(status)).stream().map(this::view).toList();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " is '"
                + e.getValue() + "', expected OPEN or CANCELLED / 状态须为 OPEN 或 CANCELLED");
        problem.setTitle("Bad request / 请求有误");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    private CaseView view(OverpaymentCase c) {
        return new CaseView(c.recipientId(), c.suspensionMonth(),
                ResidentId.parse(c.idNumber(), clock).toOptional().map(ResidentId::masked).orElse("******"),
                PersonName.parse(c.name()).toOptional().map(PersonName::masked).orElse("*"), c.benefit().name(),
                c.benefit().chinese(), c.district(), c.reason().name(), c.reason().chinese(), ReasonWords.english(c.reason()),
                c.lossFrom(), c.effectiveMonth(), c.lastPaid(),
                c.months().stream().map(m -> new MonthView(m.month(), m.amount().yuan())).toList(), c.total().yuan(),
                c.evidence().stream().map(r -> new EvidenceView(r.source(), r.feed(), r.document(), r.row())).toList(),
                c.status().name(), c.status().chinese(), c.openedAt(), c.closedAt(), c.closeReason());
    }
}
