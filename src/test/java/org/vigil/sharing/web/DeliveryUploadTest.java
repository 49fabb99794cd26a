package org.vigil.sharing.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.vigil.governance.HttpStaffSession;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST door (SHARE-6) over a real HTTP server: a GBK file uploaded as multipart is applied,
 * the same upload again changes nothing, the delivery is listed with its metrics, and the rejects
 * file downloads with the row, column, value and reason the department needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeliveryUploadTest {

    @TempDir
    Path workspace;

    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final RestClient http;

    @Autowired
    DeliveryUploadTest(ProviderRegistry providers, AgreementRegister agreements, @LocalServerPort int port,
            ApplicationContext context) {
        this.providers = providers;
        this.agreements = agreements;
        // an officer's session: the API answers nobody without one
        HttpStaffSession session = HttpStaffSession.cityOfficer(context, port);
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(session.client()))
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set("X-XSRF-TOKEN", session.csrfToken());
                    return execution.execute(request, body);
                }).build();
    }

    @Test
    void share6_anUploadIsAppliedOnce_listedWithItsMetrics_andItsRejectsDownload() throws IOException {
        providers.register(new ProviderRegistration("upload_police", "公安局", ProviderLevel.CITY, "220200"));
        providers.configureFeed("upload_police", new FeedSetting("death.police_deregistration", AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft("AGR-UPLOAD", "upload_police", "社保局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("death.police_deregistration"),
                EnumSet.of(AgreementPurpose.FRAUD_PREVENTION)));
        Path file = workspace.resolve("死亡注销-2026-04.csv");
        Files.write(file, ("姓名,公民身份号码,死亡日期\r\n"
                + "王秀英,220202194102030028,20260401\r\n"
                + "李建国,220202195006070011,20260402\r\n").getBytes(Charset.forName("GB18030")));

        ResponseEntity<Map> first = upload(file);
        ResponseEntity<Map> second = upload(file);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(201));
        assertThat(first.getBody()).containsEntry("status", "APPLIED");
        Map<?, ?> counts = (Map<?, ?>) first.getBody().get("counts");
        assertThat(counts.get("accepted")).isEqualTo(1);
        assertThat(counts.get("rejected")).isEqualTo(1);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(200));
        assertThat(second.getBody()).containsEntry("status", "ALREADY_APPLIED");
        Object id = first.getBody().get("deliveryId");
        assertThat(second.getBody().get("deliveryId")).isEqualTo(id);

        Map<?, ?> page = http.get().uri("/api/deliveries?provider=upload_police").retrieve().body(Map.class);
        assertThat(page.get("total")).isEqualTo(1);
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) page.get("items")).get(0);
        assertThat(listed.get("fileName")).isEqualTo("死亡注销-2026-04.csv");
        assertThat(listed.get("encoding")).isEqualTo("GB18030");
        assertThat(((Map<?, ?>) listed.get("metrics")).get("anomalyRate")).isEqualTo(0.5);

        byte[] rejects = http.get().uri("/api/deliveries/" + id + "/rejects.csv").retrieve().body(byte[].class);
        String text = new String(rejects, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF行号,列,值,原因");
        assertThat(text).contains("3,公民身份号码,220202195006070011,");
    }

    @Test
    void share6_binaryGarbageIsRefusedWithTheFileNamed_nothingApplied_andTheServerStaysUp() throws IOException {
        terms("upload_bin", "AGR-BIN");
        Path garbage = workspace.resolve("deaths.csv");
        byte[] bytes = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(garbage, bytes);

        ResponseEntity<Map> refused = http.post().uri("/api/deliveries").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form("upload_bin", garbage)).exchange((request, r) -> ResponseEntity.status(r.getStatusCode())
                        .body(r.bodyTo(Map.class)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(422));
        assertThat(refused.getBody()).containsEntry("status", "REFUSED");
        assertThat((List<?>) refused.getBody().get("problems")).isNotEmpty()
                .allSatisfy(p -> assertThat(((Map<?, ?>) p).get("file")).isEqualTo("deaths.csv"));
        Map<?, ?> page = http.get().uri("/api/deliveries?provider=upload_bin").retrieve().body(Map.class);
        assertThat(page.get("total")).as("the refusal is logged").isEqualTo(1);
        assertThat(((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("status")).isEqualTo("REFUSED");
    }

    @Test
    void share6_aCellThatLooksLikeAFormulaIsNeverEvaluated_andIsEscapedInTheRejectsFile() throws IOException {
        terms("upload_formula", "AGR-FORMULA");
        Path file = workspace.resolve("formula.csv");
        Files.writeString(file, "姓名,公民身份号码,死亡日期\n=HYPERLINK(\"http://x\"),220202194102030028,20260401\n",
                StandardCharsets.UTF_8);

        ResponseEntity<Map> response = http.post().uri("/api/deliveries").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form("upload_formula", file)).retrieve().toEntity(Map.class);

        assertThat(((Map<?, ?>) response.getBody().get("counts")).get("rejected")).isEqualTo(1);
        String rejects = http.get().uri("/api/deliveries/" + response.getBody().get("deliveryId") + "/rejects.csv")
                .retrieve().body(String.class);
        assertThat(rejects).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    private void terms(String provider, String agreement) {
        providers.register(new ProviderRegistration(provider, "公安局", ProviderLevel.CITY, "220200"));
        providers.configureFeed(provider, new FeedSetting("death.police_deregistration", AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft(agreement, provider, "社保局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("death.police_deregistration"),
                EnumSet.of(AgreementPurpose.FRAUD_PREVENTION)));
    }

    private static MultiValueMap<String, Object> form(String provider, Path file) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("provider", provider);
        form.add("feed", "death.police_deregistration");
        form.add("month", "2026-04");
        form.add("asOf", "2026-04-30");
        form.add("file", new FileSystemResource(file));
        return form;
    }

    @Test
    void share6_releasingADeliveryThatIsNotHeldIsAProblemDetail() {
        ResponseEntity<String> response = http.post().uri("/api/deliveries/999999/release")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("officer", "张科长", "reason", "核实无误"))
                .exchange((request, r) -> ResponseEntity.status(r.getStatusCode())
                        .body(new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(409));
        assertThat(response.getBody()).contains("\"status\":409").contains("not held");

        ResponseEntity<String> invalid = http.post().uri("/api/deliveries/1/release")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("officer", "", "reason", ""))
                .exchange((request, r) -> ResponseEntity.status(r.getStatusCode())
                        .body(new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400));
    }

    private ResponseEntity<Map> upload(Path file) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("provider", "upload_police");
        form.add("feed", "death.police_deregistration");
        form.add("month", "2026-04");
        form.add("asOf", "2026-04-30");
        form.add("file", new FileSystemResource(file));
        return http.post().uri("/api/deliveries").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(Map.class);
    }
}
