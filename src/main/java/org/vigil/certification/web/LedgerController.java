package org.vigil.certification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.LedgerKind;
import org.vigil.certification.LedgerLine;
import org.vigil.certification.LedgerPage;
import org.vigil.certification.LedgerQuery;
import org.vigil.certification.Ledgers;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;

/**
 * The ledgers of a verified month for districts, streets and communities (CERT-11, CERT-14), with
 * ID numbers, names and phones masked: the worker calling or visiting sees the full number in the
 * exported ledger their district hands out, not in every browser.
 */
@RestController
@Allowed(Permission.CERTIFICATION_VIEW)
@RequestMapping("/api/certification/ledgers")
class LedgerController {

    private final Ledgers ledgers;
    private final CertificationLists lists;
    private final Masking masking;

    LedgerController(Ledgers ledgers, CertificationLists lists, Clock clock) {
        this.ledgers = ledgers;
        this.lists = lists;
        this.masking = new Masking(clock);
    }

    record TaskSummaryView(long id, String status, String statusChinese, String assignedTo, String result,
            String resultChinese) {
    }

    record LineView(long recipientId, String idNumber, String name, int age, String phone, String benefit,
            String benefitChinese, LocalDate periodEnd, String bucket, String bucketChinese, String bucketEnglish,
            List<CertificationController.ReasonView> reasons, boolean investigate, boolean homeVisit, boolean overEighty,
            boolean sick, boolean disabled, String failureReason, CertificationController.JurisdictionView jurisdiction,
            TaskSummaryView task) {
    }

    record LedgerPageView(CertificationController.RunView run, String kind, String kindChinese, List<LineView> items,
            long total, int page, int size) {
    }

    @GetMapping
    LedgerPageView ledger(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam String kind, @RequestParam(required = false) String district,
            @RequestParam(required = false) String street, @RequestParam(required = false) String community,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > CertificationController.MAX_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + CertificationController.MAX_SIZE
                    + ", found page " + page + " and size " + size + " / 页码须不小于0，每页条数须为1至"
                    + CertificationController.MAX_SIZE);
        }
        LedgerKind k = LedgerKind.parse(kind);
        YearMonth m = month != null ? month : lists.runs().stream().findFirst().map(VerificationRun::month)
                .orElseThrow(() -> Problems.notFound("No month has been verified yet / 尚无核验结果"));
        LedgerQuery query = new LedgerQuery(m, k, Optional.ofNullable(district), Optional.ofNullable(street),
                Optional.ofNullable(community));
        if (lists.run(m).isEmpty()) {
            throw Problems.notFound("Month " + m + " has not been verified / 该月尚未核验");
        }
        LedgerPage p = ledgers.page(query, page, size);
        return new LedgerPageView(CertificationController.RunView.of(p.run()), k.name(), k.chinese(),
                p.lines().stream().map(this::line).toList(), p.total(), p.page(), p.size());
    }

    private LineView line(LedgerLine l) {
        LedgerLine.TaskSummary t = l.task();
        return new LineView(l.recipientId(), masking.id(l.idNumber()), Masking.name(l.name()), l.age(),
                Masking.phone(l.phone()), l.benefit().name(), l.benefit().chinese(), l.periodEnd(), l.bucket().name(),
                l.bucket().chinese(), ReasonWords.english(l.bucket()),
                l.reasons().stream().map(CertificationController.ReasonView::of).toList(), l.investigate(), l.homeVisit(),
                l.overEighty(), l.sick(), l.disabled(), l.failureReason(),
                CertificationController.JurisdictionView.of(l.jurisdiction()),
                t == null ? null : new TaskSummaryView(t.id(), t.status().name(), t.status().chinese(), t.assignedTo(),
                        t.result() == null ? null : t.result().name(), t.result() == null ? null : t.result().chinese()));
    }
}
