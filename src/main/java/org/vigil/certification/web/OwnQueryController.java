package org.vigil.certification.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.certification.Decision;
import org.vigil.certification.IdentityCheck;
import org.vigil.certification.OwnQueries;
import org.vigil.certification.OwnQuery;
import org.vigil.certification.OwnRecord;
import org.vigil.certification.ReasonWords;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosure;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.identity.ResidentId;

/**
 * A person's own record for the person at the window, or for a proxy with a written authorisation
 * (DATA-9, 004 第十条; ADR 0031). The staff member verifies the identity and asks; the answer is in
 * full, never cached, and the query is recorded. A multipart request: the query as a JSON part
 * {@code query}, the scanned authorisation as the file part {@code authorisation} when a proxy asks.
 */
@RestController
@RequestMapping("/api/certification/own-queries")
class OwnQueryController {

    private final OwnQueries queries;
    private final Clock clock;

    OwnQueryController(OwnQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    record ProxyRequest(@NotBlank @Size(max = 50) String name, @NotBlank String idNumber,
            @NotBlank @Size(max = 20) String relation) {
    }

    record OwnQueryRequest(@NotBlank String idNumber, @NotNull IdentityCheck identityCheck, @Valid ProxyRequest proxy,
            @Size(max = Disclosures.MAX_NOTE) String note) {
    }

    record MonthView(YearMonth month, String status, String statusChinese, String statusEnglish,
            List<CertificationController.ReasonView> reasons, LocalDate lossFrom, LocalDate certifiedOn,
            LocalDate periodEnd, String failureReason, String failureReasonEnglish) {

        static MonthView of(OwnRecord.Month m) {
            Decision d = m.decision().decision();
            return new MonthView(m.month(), d.status().name(), d.status().chinese(), ReasonWords.english(d.status()),
                    d.reasons().stream().map(CertificationController.ReasonView::of).toList(), d.lossFrom(),
                    d.certifiedOn(), d.periodEnd(), m.failure() == null ? null : m.failure().reason(),
                    m.failure() == null ? null : m.failure().reasonEnglish());
        }
    }

    /** A benefit; the certification period is the latest month's (certified on, valid until). */
    record BenefitView(long recipientId, String benefit, String benefitChinese, String relation,
            BigDecimal monthlyAmount, LocalDate lastCertified, LocalDate certifiedOn, LocalDate periodEnd,
            List<MonthView> months) {

        static BenefitView of(OwnRecord.Benefit b) {
            Decision latest = b.months().isEmpty() ? null : b.months().get(0).decision().decision();
            return new BenefitView(b.recipientId(), b.kind().name(), b.kind().chinese(),
                    b.relation() == null ? null : b.relation().name(), b.monthlyAmount().yuan(), b.lastCertified(),
                    latest == null ? b.lastCertified() : latest.certifiedOn(), latest == null ? null : latest.periodEnd(),
                    b.months().stream().map(MonthView::of).toList());
        }
    }

    record OwnRecordView(long queryId, String idNumber, String name, String identityCheck, String identityCheckChinese,
            boolean byProxy, Instant askedAt, List<BenefitView> benefits, int revealsToday, int dailyQuota) {

        static OwnRecordView of(OwnRecord r) {
            Disclosure last = r.disclosures().get(r.disclosures().size() - 1);
            return new OwnRecordView(r.queryId(), r.idNumber(), r.name(), r.check().name(), r.check().chinese(),
                    r.byProxy(), r.askedAt(), r.benefits().stream().map(BenefitView::of).toList(), last.usedToday(),
                    last.quota());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(Permission.UNMASK)
    ResponseEntity<OwnRecordView> ask(@AuthenticationPrincipal StaffPrincipal who,
            @Valid @RequestPart("query") OwnQueryRequest body,
            @RequestPart(name = "authorisation", required = false) MultipartFile authorisation) {
        ResidentId person = id(body.idNumber(), "idNumber");
        ProxyRequest p = body.proxy();
        if (p == null && authorisation != null && !authorisation.isEmpty()) {
            throw new IllegalArgumentException("an authorisation without a proxy: give the proxy's name, ID number and "
                    + "relation / 有委托书但未填写代办人信息");
        }
        try (InputStream file = authorisation == null || authorisation.isEmpty() ? null : authorisation.getInputStream()) {
            OwnQuery.Proxy proxy = p == null ? null
                    : new OwnQuery.Proxy(p.name(), id(p.idNumber(), "proxy.idNumber"), p.relation(), file);
            OwnRecord record = queries.answer(who, new OwnQuery(person, body.identityCheck(), proxy, body.note()))
                    .orElseThrow(() -> Problems.notFound("No recipient with this ID number / 未找到该待遇领取人员"));
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(OwnRecordView.of(record));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded authorisation", e);
        }
    }

    private ResidentId id(String raw, String field) {
        return ResidentId.parse(raw, clock).toOptional().orElseThrow(() -> new IllegalArgumentException(
                field + " is not a valid ID number / 身份证号码无效"));
    }
}
