package org.vigil.certification.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.InstructionStatus;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.SuspensionBatch;
import org.vigil.certification.SuspensionBatches;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

/**
 * The suspension batches and their instructions for staff and the payment system's operators
 * (CERT-16, CERT-17): a month's batch with the circuit breaker's reasons and each district's
 * approval, and its instructions by district and status. ID numbers and names are masked, as on
 * every list Vigil shows; the files for the payment system carry them whole.
 */
@RestController
@Allowed(Permission.SUSPENSION_VIEW)
@RequestMapping("/api/certification/suspensions")
class SuspensionController {

    static final int MAX_SIZE = 200;

    private final SuspensionBatches batches;
    private final Clock clock;

    SuspensionController(SuspensionBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    record TripView(String rule, String chinese, String english) {
    }

    record DistrictView(String district, int instructions, String approvedBy, Instant approvedAt, Instant releasedAt,
            String lateReason) {
    }

    record BatchView(YearMonth month, YearMonth effectiveMonth, LocalDate releaseBy, String status, String statusChinese,
            String statusEnglish, Instant builtAt, int runRevision, long recipients, long suspensions, long restorations,
            boolean held, List<TripView> trips, String signedOffBy, Instant signedOffAt, String signOffReason,
            List<DistrictView> districts) {

        static BatchView of(SuspensionBatch b) {
            return new BatchView(b.month(), b.effectiveMonth(), b.releaseBy(), b.status().name(), b.status().chinese(),
                    b.status().english(), b.builtAt(), b.runRevision(), b.recipients(), b.suspensions(), b.restorations(),
                    b.held(), b.trips().stream().map(t -> new TripView(t.rule(), t.chinese(), t.english())).toList(),
                    b.signOff() == null ? null : b.signOff().officer(), b.signOff() == null ? null : b.signOff().at(),
                    b.signOff() == null ? null : b.signOff().reason(),
                    b.districts().stream().map(d -> new DistrictView(d.district(), d.instructions(), d.approvedBy(),
                            d.approvedAt(), d.releasedAt(), d.lateReason())).toList());
        }
    }

    record ReasonView(String code, String chinese, String english, String article) {
    }

    record AmountView(YearMonth month, BigDecimal amount) {

        static List<AmountView> of(List<MonthlyAmount> amounts) {
            return amounts.stream().map(a -> new AmountView(a.month(), a.amount().yuan())).toList();
        }
    }

    record EvidenceView(String provider, String feed, long deliveryId, long row) {
    }

    record InstructionView(YearMonth month, String kind, String kindChinese, String origin, long recipientId,
            String idNumber, String name, String benefit, String benefitChinese, String district, String street,
            String community, ReasonView reason, String reasonText, LocalDate lossFrom, LocalDate periodEnd,
            YearMonth effectiveMonth, BigDecimal monthlyAmount, YearMonth lastPaid, List<AmountView> overpaid,
            BigDecimal overpaidTotal, YearMonth suspendedFrom, ReasonView suspendedFor, YearMonth notOwedFrom,
            YearMonth notOwedTo, List<AmountView> backPay, BigDecimal backPayTotal, String status, String statusChinese,
            String officer, Instant releasedAt, String source, List<EvidenceView> evidence) {
    }

    record InstructionPage(YearMonth month, BatchView batch, List<InstructionView> items, long total, int page, int size) {
    }

    @GetMapping("/batches")
    List<BatchView> batches() {
        return batches.batches().stream().map(BatchView::of).toList();
    }

    @GetMapping
    InstructionPage instructions(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String district, @RequestParam(required = false) InstructionStatus status,
            @RequestParam(required = false) InstructionKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + MAX_SIZE + ", found page " + page
                    + " and size " + size + " / 页码须不小于0，每页条数须为1至" + MAX_SIZE);
        }
        YearMonth m = month != null ? month : batches.batches().stream().findFirst().map(SuspensionBatch::month)
                .orElseThrow(() -> notFound("No suspension batch has been built yet / 尚无暂停批次"));
        InstructionQuery query = new InstructionQuery(m, Optional.ofNullable(district), Optional.ofNullable(status),
                Optional.ofNullable(kind));
        Optional<SuspensionBatch> batch = batches.batch(m);
        List<PaymentInstruction> all = batches.instructions(query);
        if (batch.isEmpty() && all.isEmpty()) {
            throw notFound("No suspension batch or restoration in " + m + " / 该月无暂停批次或恢复指令");
        }
        List<InstructionView> items = all.stream().skip((long) page * size).limit(size).map(this::view).toList();
        return new InstructionPage(m, batch.map(BatchView::of).orElse(null), items, all.size(), page, size);
    }

    private InstructionView view(PaymentInstruction i) {
        return new InstructionView(i.month(), i.kind().name(), i.kind().chinese(), i.origin().name(), i.recipientId(),
                ResidentId.parse(i.idNumber(), clock).toOptional().map(ResidentId::masked).orElse("******"),
                i.name() == null ? null : PersonName.parse(i.name()).toOptional().map(PersonName::masked).orElse("*"),
                i.benefit().name(), i.benefit().chinese(), i.district(), i.street(), i.community(),
                i.reasonCode() == null ? null : new ReasonView(i.reasonCode().name(), i.reasonCode().chinese(),
                        ReasonWords.english(i.reasonCode()), i.reasonCode().article()),
                i.reasonText(), i.lossFrom(), i.periodEnd(), i.effectiveMonth(), i.monthlyAmount().yuan(), i.lastPaid(),
                AmountView.of(i.overpaid()), i.overpaidTotal().yuan(), i.suspendedFrom(),
                i.suspendedFor() == null ? null : new ReasonView(i.suspendedFor().name(), i.suspendedFor().chinese(),
                        ReasonWords.english(i.suspendedFor()), i.suspendedFor().article()),
                i.notOwedFrom(), i.notOwedTo(), AmountView.of(i.backPay()), i.backPayTotal().yuan(), i.status().name(),
                i.status().chinese(), i.officer(), i.releasedAt(), i.source(),
                i.evidence().stream().map(SuspensionController::evidence).toList());
    }

    private static EvidenceView evidence(EvidenceRef ref) {
        return new EvidenceView(ref.source(), ref.feed(), ref.document(), ref.row());
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found / 未找到");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
