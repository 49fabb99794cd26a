package org.vigil.certification.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.Explanation;
import org.vigil.certification.FailedCertification;
import org.vigil.certification.Jurisdiction;
import org.vigil.certification.ListEntry;
import org.vigil.certification.ListPage;
import org.vigil.certification.ListQuery;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.RecordedDecision;
import org.vigil.certification.VerificationRun;
import org.vigil.certification.VerificationTask;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

/**
 * The monthly runs and their lists for staff (CERT-7, CERT-11), and why a person is on a list
 * (CERT-19). Lists show ID numbers and names masked, as everything Vigil shows by default; the
 * explanation is asked for by ID number in the request's body (never its address, which proxies
 * and access logs keep), so it echoes that number and masks the name; each such look-up is
 * recorded and watched for enumeration (DATA-9).
 */
@RestController
@Allowed(Permission.CERTIFICATION_VIEW)
@RequestMapping("/api/certification")
class CertificationController {

    static final int MAX_SIZE = 200;

    private final CertificationLists lists;
    private final Disclosures disclosures;
    private final Clock clock;

    CertificationController(CertificationLists lists, Disclosures disclosures, Clock clock) {
        this.lists = lists;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    record RunView(YearMonth month, LocalDate asOf, String policyVersion, int revision, Instant startedAt,
            Instant finishedAt, long recipients, long qualified, long disqualified, long toBeVerified, long investigate,
            long certified, long changed) {

        static RunView of(VerificationRun r) {
            return new RunView(r.month(), r.asOf(), r.policyVersion(), r.revision(), r.startedAt(), r.finishedAt(),
                    r.recipients(), r.qualified(), r.disqualified(), r.toBeVerified(), r.investigate(), r.certified(),
                    r.changed());
        }
    }

    /** A reason in both languages with the article of the city's measures (seed 003) it rests on. */
    record ReasonView(String code, String chinese, String english, String article, String evidenceKind, LocalDate date) {

        static ReasonView of(Decision.Reason r) {
            return new ReasonView(r.code().name(), r.code().chinese(), ReasonWords.english(r.code()), r.code().article(),
                    r.evidenceKind(), r.date());
        }
    }

    record JurisdictionView(String regionCode, String district, String street, String community, String basis,
            String basisChinese, String organisedBy, String organisedByChinese, String employerCreditCode) {

        static JurisdictionView of(Jurisdiction j) {
            return new JurisdictionView(j.regionCode(), j.district(), j.street(), j.community(), j.basis().name(),
                    j.basis().chinese(), j.organisedBy().name(), j.organisedBy().chinese(), j.employerCreditCode());
        }
    }

    record EntryView(long recipientId, String idNumber, String name, String benefit, String benefitChinese,
            BigDecimal monthlyAmount, String status, String statusChinese, ReasonView reason, LocalDate lossFrom,
            LocalDate certifiedOn, LocalDate periodEnd, String bucket, String bucketChinese, boolean investigate,
            JurisdictionView jurisdiction) {
    }

    record ListPageView(RunView run, List<EntryView> items, long total, int page, int size) {
    }

    record EvidenceView(String kind, String title, LocalDate date, LocalDate endDate, String provider, String feed,
            long deliveryId, long row) {
    }

    record DecisionView(long recipientId, String benefit, String benefitChinese, BigDecimal monthlyAmount, String status,
            String statusChinese, String statusEnglish, List<ReasonView> reasons, LocalDate lossFrom,
            LocalDate certifiedOn, LocalDate periodEnd, String bucket, String bucketChinese, String bucketEnglish,
            boolean investigate, String policyVersion, List<EvidenceView> evidence, JurisdictionView jurisdiction,
            String failureReason, String failureReasonEnglish) {
    }

    /** A verification of the person recorded or still open (CERT-19: the trace of tracking certification). */
    record VerificationView(long taskId, YearMonth month, long recipientId, String status, String statusChinese,
            String method, String methodChinese, String result, String resultChinese, LocalDate verifiedOn,
            String recordedBy, String note, int attachments) {

        static VerificationView of(VerificationTask t) {
            return new VerificationView(t.id(), t.month(), t.recipientId(), t.status().name(), t.status().chinese(),
                    t.method() == null ? null : t.method().name(), t.method() == null ? null : t.method().chinese(),
                    t.result() == null ? null : t.result().name(), t.result() == null ? null : t.result().chinese(),
                    t.verifiedOn(), t.recordedBy(), t.note(), t.attachments().size());
        }
    }

    record ExplanationView(String idNumber, String name, YearMonth month, LocalDate asOf, String policyVersion,
            List<DecisionView> decisions, List<EvidenceView> evidenceKnown, List<VerificationView> verifications) {
    }

    @Allowed({ Permission.CERTIFICATION_VIEW, Permission.STATISTICS_VIEW })
    @GetMapping("/runs")
    List<RunView> runs() {
        return lists.runs().stream().map(RunView::of).toList();
    }

    @GetMapping("/lists")
    ListPageView list(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) EligibilityStatus status, @RequestParam(required = false) String district,
            @RequestParam(required = false) String street, @RequestParam(required = false) String community,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + MAX_SIZE + ", found page " + page
                    + " and size " + size + " / 页码须不小于0，每页条数须为1至" + MAX_SIZE);
        }
        YearMonth m = month != null ? month : latest();
        ListQuery query = new ListQuery(m, Optional.ofNullable(status), Optional.ofNullable(district),
                Optional.ofNullable(street), Optional.ofNullable(community));
        requireRun(m);
        ListPage p = lists.page(query, page, size);
        return new ListPageView(RunView.of(p.run()), p.entries().stream().map(this::entry).toList(), p.total(), p.page(),
                p.size());
    }

    /** Whom to explain: the ID number travels in the body, never in an address that proxies and access logs keep. */
    record ExplanationRequest(@NotBlank @Size(max = 32) String idNumber) {
    }

    @PostMapping("/explanations")
    ExplanationView explain(@AuthenticationPrincipal StaffPrincipal who, @Valid @RequestBody ExplanationRequest request,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        String idNumber = request.idNumber();
        ResidentId id = ResidentId.parse(idNumber, clock).toOptional().orElseThrow(() -> new IllegalArgumentException(
                "not a valid ID number / 身份证号无效: " + idNumber));
        YearMonth m = month != null ? month : latest();
        requireRun(m);
        Optional<Explanation> found = lists.explain(id.value(), m);
        // a miss counts too: trying ID numbers one after another is the enumeration the watch looks for; the
        // subject is an internal id or none, never the number asked for
        disclosures.lookedUp(who, found.map(x -> "recipient:" + x.decisions().get(0).recipientId())
                .orElse("person:unknown"));
        Explanation e = found.orElseThrow(() -> notFound(
                "No decision about this person in " + m + " / 该月无此人的认证结论"));
        List<DecisionView> decisions = e.decisions().stream().map(d -> decision(d, e)).toList();
        return new ExplanationView(id.value(), masked(e.decisions().get(0).name()), m, e.asOf(), e.policy().version(),
                decisions, e.evidenceKnown().stream().map(ev -> evidence(ev, e)).toList(),
                e.verifications().stream().map(VerificationView::of).toList());
    }

    private YearMonth latest() {
        return lists.runs().stream().findFirst().map(VerificationRun::month)
                .orElseThrow(() -> notFound("No month has been verified yet / 尚无核验结果"));
    }

    private void requireRun(YearMonth month) {
        if (lists.run(month).isEmpty()) {
            throw notFound("Month " + month + " has not been verified / 该月尚未核验");
        }
    }

    private EntryView entry(ListEntry e) {
        Decision d = e.decision();
        return new EntryView(e.recipientId(), maskedId(e.idNumber()), masked(e.name()), e.benefit().name(),
                e.benefit().chinese(), e.monthlyAmount().yuan(), d.status().name(), d.status().chinese(),
                ReasonView.of(d.reason()), d.lossFrom(), d.certifiedOn(), d.periodEnd(),
                d.bucket() == null ? null : d.bucket().name(), d.bucket() == null ? null : d.bucket().chinese(),
                d.investigate(), JurisdictionView.of(e.jurisdiction()));
    }

    private static DecisionView decision(RecordedDecision r, Explanation e) {
        Decision d = r.decision();
        return new DecisionView(r.recipientId(), r.benefit().name(), r.benefit().chinese(), r.monthlyAmount().yuan(),
                d.status().name(), d.status().chinese(), ReasonWords.english(d.status()),
                d.reasons().stream().map(ReasonView::of).toList(), d.lossFrom(), d.certifiedOn(), d.periodEnd(),
                d.bucket() == null ? null : d.bucket().name(), d.bucket() == null ? null : d.bucket().chinese(),
                d.bucket() == null ? null : ReasonWords.english(d.bucket()), d.investigate(), d.policyVersion(),
                d.evidence().stream().map(ref -> used(ref, e)).toList(), JurisdictionView.of(r.jurisdiction()),
                e.failure(r.recipientId()).map(FailedCertification::reason).orElse(null),
                e.failure(r.recipientId()).map(FailedCertification::reasonEnglish).orElse(null));
    }

    /** A piece of evidence a decision rests on, with its kind and dates when the known evidence has them. */
    private static EvidenceView used(EvidenceRef ref, Explanation e) {
        return e.evidenceKnown().stream().filter(ev -> ev.ref().equals(ref)).findFirst()
                .map(ev -> evidence(ev, e))
                .orElseGet(() -> new EvidenceView(null, null, null, null, ref.source(), ref.feed(), ref.document(),
                        ref.row()));
    }

    private static EvidenceView evidence(Evidence ev, Explanation e) {
        return new EvidenceView(ev.kind(), e.title(ev.kind()), ev.date(), ev.endDate(), ev.ref().source(), ev.ref().feed(),
                ev.ref().document(), ev.ref().row());
    }

    private String maskedId(String id) {
        return ResidentId.parse(id, clock).toOptional().map(ResidentId::masked).orElse("******");
    }

    private static String masked(String name) {
        return PersonName.parse(name).toOptional().map(PersonName::masked).orElse("*");
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found / 未找到");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
