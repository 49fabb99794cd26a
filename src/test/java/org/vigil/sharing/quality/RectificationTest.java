package org.vigil.sharing.quality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.governance.SignedInMockMvc;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DATA-13: rectification requirements with a deadline, their follow-up and closing, the overdue
 * ones, and the notices the monthly check issues for a month that misses a threshold.
 */
@QualityIntegrationTest
class RectificationTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);
    static final LocalDate TODAY = QualityTestConfiguration.TODAY;

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final Rectifications rectifications;
    private final QualityChecks checks;
    private final MockMvc mvc;
    private QualityFixture fx;

    @Autowired
    RectificationTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, Rectifications rectifications, QualityChecks checks, MockMvc mvc) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.rectifications = rectifications;
        this.checks = checks;
        this.mvc = mvc;
    }

    @BeforeAll
    void city() {
        fx = new QualityFixture(ingestion, registry, providers, agreements, workspace);
    }

    @Test
    void data13_aNoticeIsFollowedUpAndClosed_keepingEveryNote() {
        String provider = fx.provider("rect_close", QualityFixture.DEATHS);
        Rectification issued = rectifications.issue(new NewRectification(provider, QualityFixture.DEATHS,
                QualityIssue.SPOT_CHECK, YearMonth.of(2026, 5), "抽查 20 条，3 条死亡日期与火化记录不符", "王质检"));

        Rectification followed = rectifications.followUp(issued.id(), "王质检", "已电话通知联系人，答应月底前更正");
        Rectification closed = rectifications.close(issued.id(), "王质检", "收到更正文件，核对无误");

        assertThat(issued.status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(issued.deadline()).isEqualTo(TODAY.plusDays(30));
        assertThat(issued.openedBy()).isEqualTo("王质检");
        assertThat(followed.notes()).extracting(FollowUp::note).containsExactly("已电话通知联系人，答应月底前更正");
        assertThat(closed.status()).isEqualTo(RectificationStatus.DONE);
        assertThat(closed.closedOn()).contains(TODAY);
        assertThat(closed.notes()).extracting(FollowUp::closing).containsExactly(false, true);
        assertThatThrownBy(() -> rectifications.followUp(issued.id(), "王质检", "再补充"))
                .isInstanceOf(QualityException.class).hasMessageContaining("already done");
    }

    @Test
    void data13_anOpenNoticePastItsDeadlineIsOverdue() {
        String provider = fx.provider("rect_overdue", QualityFixture.DEATHS);
        Rectification issued = rectifications.issue(new NewRectification(provider, QualityFixture.DEATHS,
                QualityIssue.SPOT_CHECK, YearMonth.of(2026, 4), "抽查发现姓名与户籍不一致", "王质检"));
        LocalDate deadline = issued.deadline();

        assertThat(rectifications.find(issued.id(), deadline).orElseThrow().status()).isEqualTo(RectificationStatus.OPEN);
        assertThat(rectifications.find(issued.id(), deadline.plusDays(1)).orElseThrow().status())
                .isEqualTo(RectificationStatus.OVERDUE);
        assertThat(rectifications.overdue(deadline.plusDays(1))).extracting(Rectification::id).contains(issued.id());
        assertThat(rectifications.overdue(deadline)).extracting(Rectification::id).doesNotContain(issued.id());
    }

    @Test
    void data13_oneNoticeIsOpenPerProviderFeedIssueAndMonth() {
        String provider = fx.provider("rect_once", QualityFixture.DEATHS);
        NewRectification notice = new NewRectification(provider, QualityFixture.DEATHS, QualityIssue.SPOT_CHECK,
                YearMonth.of(2026, 4), "抽查发现问题", "王质检");
        rectifications.issue(notice);

        assertThatThrownBy(() -> rectifications.issue(notice))
                .isInstanceOf(QualityException.class)
                .extracting(e -> ((QualityException) e).kind()).isEqualTo(QualityException.Kind.CONFLICT);
        assertThatThrownBy(() -> rectifications.issue(new NewRectification("nobody_here", "death.none",
                QualityIssue.SPOT_CHECK, YearMonth.of(2026, 4), " ", "王质检")))
                .isInstanceOf(QualityException.class)
                .hasMessageContaining("nobody_here").hasMessageContaining("death.none").hasMessageContaining("finding");
    }

    @Test
    void data13_aMonthWhoseSmallDeliveriesTogetherMissAThresholdGetsANotice_once() {
        String provider = fx.provider("rect_month", QualityFixture.DEATHS);
        // four deliveries of 30 rows, ten broken in each: too small to judge alone, 40 of 120 together
        for (int i = 0; i < 4; i++) {
            assertThat(fx.ingest(provider, QualityFixture.DEATHS, JANUARY, fx.deaths(JANUARY, 800 + 30 * i, 20, 10))
                    .status()).isEqualTo(DeliveryStatus.APPLIED);
        }

        MonthlyCheck first = checks.run(JANUARY);
        MonthlyCheck again = checks.run(JANUARY);

        List<Rectification> mine = first.notices().stream().filter(r -> r.provider().equals(provider)).toList();
        assertThat(mine).extracting(Rectification::issue)
                .containsExactlyInAnyOrder(QualityIssue.INGESTION_RATE, QualityIssue.ANOMALY_RATE);
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.month()).isEqualTo(JANUARY);
            assertThat(r.finding()).contains("月度汇总").contains("monthly total");
        });
        assertThat(mine).filteredOn(r -> r.issue() == QualityIssue.ANOMALY_RATE).singleElement()
                .satisfies(r -> assertThat(r.finding()).contains("异常率 33.3%（40/120）高于上限 5.0%"));
        assertThat(again.notices()).noneMatch(r -> r.provider().equals(provider));
        assertThat(rectifications.list(Optional.of(provider), Optional.empty(), TODAY)).hasSize(2);
    }

    @Test
    void data13_theRestApiIssuesFollowsUpAndClosesNotices() throws Exception {
        String provider = fx.provider("rect_api", QualityFixture.DEATHS);
        String location = mvc.perform(post("/api/quality/rectifications").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"provider": "%s", "feed": "%s", "issue": "SPOT_CHECK", "month": "2026-05",
                                 "finding": "抽查 10 条，2 条身份证号码错误"}"""
                                .formatted(provider, QualityFixture.DEATHS)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/quality/rectifications/")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.deadline").value(TODAY.plusDays(30).toString()))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(post("/api/quality/rectifications/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"已通知\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0].officer").value(SignedInMockMvc.OFFICER.username()))
                .andExpect(jsonPath("$.notes[0].note").value("已通知"));
        mvc.perform(post("/api/quality/rectifications/{id}/close", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"已更正\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.statusChinese").value("已整改"));
        mvc.perform(post("/api/quality/rectifications/{id}/close", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"再关\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:quality:conflict"));
        mvc.perform(post("/api/quality/rectifications/{id}/notes", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"officer\": \"someone else\", \"note\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("note"));
        mvc.perform(get("/api/quality/rectifications/{id}", 999_999))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/quality/rectifications").param("provider", provider).param("status", "DONE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(Integer.parseInt(id))));
        mvc.perform(get("/api/quality/rectifications/overdue").param("asOf", TODAY.plusDays(400).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("OVERDUE"))));
    }
}
