package org.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.Allowed;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditVerification;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.runtime.DataScope;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.quality.NewRectification;
import org.vigil.sharing.quality.QualityIssue;
import org.vigil.sharing.quality.Rectifications;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.vigil.vault.VaultNumbers;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile input against every REST operation (DATA-15, DATA-18; issue 5's security tests). One
 * sweep calls each operation once with plausible values, then puts SQL injection, markup, template
 * and encoding payloads, a 10,000-character value, a NUL and an ID number into each of its text
 * inputs in turn — query parameters, path variables, the text fields of JSON bodies and multipart
 * parts one record deep, uploaded file names and the cells of an uploaded file — as the city
 * administrator, or the role that holds the operation's permission when that one does not. Every
 * answer must be an ordinary one: never a server error nor a database error's text, never markup
 * outside JSON, nosniff on every body; the database must be whole afterwards and whatever was
 * accepted stored as sent. Then personal data is sent where it typically leaks from (a failed
 * login, a path, a parameter, a body, bad rows of an upload) and neither the log, at production
 * level, nor any problem detail may repeat it.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SecurityProbeTest {

    // a month and district no other test of this shared context uses
    static final YearMonth MONTH = YearMonth.of(2028, 9);
    static final LocalDate AS_OF = LocalDate.of(2028, 9, 24);
    static final String DISTRICT = "220281";
    static final String STREET = "220281001";
    static final String COMMUNITY = "220281001001";
    static final String PERSON = DeliveryFixture.id(DISTRICT, LocalDate.of(1948, 5, 6), 811);
    static final String PERSON_NAME = "欧阳秀英";
    static final String PROVIDER = "sp_probe";
    static final String TERMINATED_PROVIDER = "sp_probe_term";
    static final String FEED = "life.bank_counter";
    static final String FEED_HEADER = "客户姓名,证件号码,交易日期";
    static final String NOBODY = "987654321";
    static final String UNIQUE = "SP-PROBE-";

    static final String ID_PROBE = DeliveryFixture.id("220203", LocalDate.of(1966, 8, 9), 357);

    /** The payloads: SQL injection, markup, template and encoding tricks, a very long value, a NUL. */
    static final List<String> PROBES = List.of(
            "' or '1'='1",
            "'; drop table certification.decision; --",
            "1) or (1=1",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "{{7*7}}",
            "${7*7}",
            "%27%20or%201=1",
            "'<".repeat(5_000),
            "a\u0000b",
            // personal data where it does not belong: neither a problem nor the log may show it
            SecurityProbeTest.ID_PROBE);

    /** What a database error or a stack trace looks like when it reaches an answer. */
    static final List<String> LEAKS = List.of("syntax error", "psqlexception", "sqlstate", "sql state", "org.postgresql",
            "org.springframework.jdbc", "badsqlgrammar", "dataintegrityviolation", "\tat ", "at org.", "at java.",
            "caused by", "exception:");

    static final Pattern ENDING = Pattern.compile("/(close|closure|termination|end|discard|reject|rejection)$");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A tiny but well-formed PDF, for the operations that take a scanned document. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
            + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LoggingSystem logging;
    private long taskId;
    private final PersonVault vault;
    private long deliveryId;
    private long rectificationId;
    private Sweep sweep;

    @Autowired
    SecurityProbeTest(WebApplicationContext web,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, JdbcClient jdbc,
            AuditLog audit, LoggingSystem logging, PersonVault vault) {
        this.vault = vault;
        this.logging = logging;
        this.mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        this.mappings = mappings;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One recipient to verify with a task, a provider with an agreement and a delivery, a rectification notice. */
    @BeforeAll
    void aPersonATaskADeliveryAndANotice(@Autowired RecipientBaseline baseline,
            @Autowired MonthlyVerification verification, @Autowired VerificationTasks tasks,
            @Autowired DeliveryIngestion ingestion, @Autowired ProviderRegistry providers,
            @Autowired AgreementRegister agreements, @Autowired Rectifications rectifications) {
        new RecipientFixture().add(PERSON, PERSON_NAME, BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2500.00",
                COMMUNITY, DISTRICT, null, "2025-05-30").load(baseline, workspace);
        verification.verify(MONTH, AS_OF);
        tasks.create(MONTH, Optional.of(DISTRICT));
        long person = VaultNumbers.of(vault, PERSON);
        taskId = inScope(() -> jdbc.sql("select id from certification.verification_task where person = :person and month = :m")
                .param("person", person).param("m", MONTH.atDay(1)).query(Long.class).single());

        DeliveryFixture deliveries = new DeliveryFixture(ingestion, providers, agreements, workspace);
        deliveries.provider(PROVIDER, FEED);
        deliveries.provider(TERMINATED_PROVIDER, FEED);
        deliveryId = deliveries.deliver(PROVIDER, FEED, MONTH, FEED_HEADER, PERSON_NAME + "," + PERSON + ",2028-09-06")
                .deliveryId();
        rectificationId = rectifications.issue(new NewRectification(PROVIDER, FEED, QualityIssue.SPOT_CHECK, MONTH,
                "抽查发现漏报", "探针经办")).id();
    }

    // ---- injection and markup in every text input ------------------------------------------

    @Test
    void data15_sqlInjectionProbesInEveryTextFieldFailHarmlessly(CapturedOutput output) throws Exception {
        Sweep sweep = sweep(output);
        assertThat(sweep.probed()).as(sweep.report()).hasSizeGreaterThan(50);
        assertThat(sweep.failures()).as(sweep.report()).isEmpty();

        // the database is whole: no table dropped, nothing removed, only the probes' own rows added
        Map<String, Long> before = sweep.before();
        Map<String, Long> after = sweep.after();
        assertThat(after.get("certification.decision")).as("decisions").isEqualTo(before.get("certification.decision"));
        assertThat(after.get("certification.recipient")).isEqualTo(before.get("certification.recipient"));
        assertThat(after.get("registry.person")).as("persons").isEqualTo(before.get("registry.person"));
        assertThat(after.get("governance.audit_event")).as("the audit log only grows")
                .isGreaterThanOrEqualTo(before.get("governance.audit_event"));
        assertThat(after.get("sharing.delivery")).isGreaterThanOrEqualTo(before.get("sharing.delivery"));
        assertThat(inScope(() -> jdbc.sql("""
                select count(*) from sharing.delivery where id > :last and provider <> :p and status <> 'REFUSED'""")
                .param("last", sweep.lastDeliveryBefore()).param("p", PROVIDER).query(Long.class).single()))
                .as("new deliveries are the probe uploads of the probe's own provider, or refusals on record").isZero();
        AuditVerification chain = audit.verify();
        assertThat(chain.problems()).as("the audit chain").isEmpty();

        // whatever a probe was accepted into is stored as it was sent: text, not code
        assertThat(sweep.accepted()).as("probes some operation accepted and stored").isNotEmpty();
        for (String probe : sweep.accepted()) {
            assertThat(columnsHolding(probe)).as("where %s was stored verbatim", shorten(probe)).isNotEmpty();
        }
    }

    @Test
    void data15_xssProbesAreNeverReflectedAsMarkup(CapturedOutput output) throws Exception {
        Sweep sweep = sweep(output);
        assertThat(sweep.markup()).as(sweep.report()).isEmpty();
    }

    /** What the sweep of every operation found, in three kinds, with the database around it. */
    record Sweep(int calls, List<String> probed, List<String> failures, List<String> markup, List<String> personal,
            Set<String> accepted, Map<String, Long> before, Map<String, Long> after, long lastDeliveryBefore,
            String log) {

        String report() {
            return calls + " calls over " + probed.size() + " operations:\n" + String.join("\n", probed);
        }
    }

    /** The sweep, run by the first test that asks (it takes seconds), its log captured by that test. */
    private Sweep sweep(CapturedOutput output) throws Exception {
        if (sweep == null) {
            Map<String, Long> before = counts();
            long lastDelivery = lastDeliveryId();
            List<String> probed = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            List<String> markup = new ArrayList<>();
            List<String> personal = new ArrayList<>();
            Set<String> accepted = new LinkedHashSet<>();
            String logBefore = output.getAll();
            int calls = atProductionLogLevel(() -> probeEveryOperation(probed, failures, markup, personal, accepted));
            sweep = new Sweep(calls, probed, failures, markup, personal, accepted, before, counts(), lastDelivery,
                    output.getAll().substring(logBefore.length()));
        }
        return sweep;
    }

    /** Each operation once with plausible values, then each probe in each text input; returns the calls made. */
    private int probeEveryOperation(List<String> probed, List<String> failures, List<String> markup,
            List<String> personal, Set<String> accepted) throws Exception {
        int calls = 0;
        for (Map.Entry<String, HandlerMethod> op : operations().entrySet()) {
            StaffPrincipal who = caller(op.getValue());
            Call plain = plausibleCall(op.getKey(), op.getValue());
            List<Input> inputs = textInputs(op.getKey(), op.getValue());
            // called once as it is, so an operation without text inputs is still proved not to fail
            Outcome first = perform(plain, who);
            calls++;
            check(op.getKey() + " (plausible values)", first, null, failures, markup);
            for (Input input : inputs) {
                for (String probe : PROBES) {
                    Call call = plain.copy();
                    input.set().accept(call, probe);
                    Outcome outcome = perform(call, who);
                    calls++;
                    String where = op.getKey() + " " + input.label() + " = " + shorten(probe);
                    check(where, outcome, probe, failures, markup);
                    if (probe.equals(ID_PROBE) && problem(outcome) && outcome.body().contains(probe)) {
                        personal.add(where + ": the problem shows the ID number: " + shorten(outcome.body()));
                    }
                    // a NUL cannot be stored at all, so it is not looked for
                    if (outcome.status() >= 200 && outcome.status() < 300 && !op.getKey().startsWith("GET ")
                            && !probe.contains("\u0000")) {
                        accepted.add(probe);
                    }
                }
            }
            probed.add(op.getKey() + " [" + (inputs.isEmpty() ? "no text input"
                    : String.join(", ", inputs.stream().map(Input::label).toList())) + "] " + first.status());
        }
        return calls;
    }

    @Test
    void data15_markupStoredInATextFieldIsKeptVerbatim_andComesBackOnlyAsEscapedJson() throws Exception {
        String script = "<script>alert(1)</script>";
        String image = "\"><img src=x onerror=alert(1)>";
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("provider", PROVIDER);
        notice.put("feed", FEED);
        notice.put("issue", QualityIssue.SPOT_CHECK.name());
        notice.put("month", "2099-03");
        // the notice's officer is the signed-in account (ADR 0026): both probes go into the finding
        notice.put("finding", script + image);
        StaffPrincipal admin = caller(StaffRole.CITY_ADMINISTRATOR);
        MockHttpServletResponse issued = send(post("/api/quality/rectifications").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsBytes(notice)), admin);
        assertThat(issued.getStatus()).as(issued.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        long id = JSON.readTree(issued.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();

        // stored as the characters sent, neither escaped for HTML nor stripped
        Map<String, Object> stored = inScope(() -> jdbc.sql(
                "select finding, opened_by from sharing.rectification where id = :id").param("id", id).query().singleRow());
        assertThat(stored).containsEntry("finding", script + image).containsEntry("opened_by", admin.username());

        for (MockHttpServletResponse answer : List.of(issued,
                send(get("/api/quality/rectifications/{id}", id), admin))) {
            String body = answer.getContentAsString(StandardCharsets.UTF_8);
            assertThat(MediaType.parseMediaType(answer.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON))
                    .as("served as JSON, which no browser renders as a page").isTrue();
            assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.getHeader("Content-Security-Policy")).contains("default-src 'self'");
            // the quote is escaped, so the markup cannot leave its JSON string
            assertThat(body).contains("\\\"><img src=x onerror=alert(1)>").doesNotContain("\"\"><img");
            JsonNode json = JSON.readTree(body);
            assertThat(json.get("finding").asString()).isEqualTo(script + image);
        }
    }

    // ---- personal data in logs and error messages -------------------------------------------

    @Test
    void data18_noPersonalDataInLogsOrErrorMessages(CapturedOutput output) throws Exception {
        // the sweep put an ID number into every text input of every operation
        Sweep sweep = sweep(output);
        assertThat(sweep.personal()).as(sweep.report()).isEmpty();
        assertThat(sweep.log()).as("the log of the sweep").doesNotContain(ID_PROBE);

        String stranger = DeliveryFixture.id("220202", LocalDate.of(1961, 7, 8), 923);
        String strangerName = "司马青云";
        String wrongCheckDigit = PERSON.substring(0, 17) + (PERSON.charAt(17) == '0' ? '1' : '0');
        String inBadRow = DeliveryFixture.id("220203", LocalDate.of(1957, 1, 2), 465);
        String badRowName = "诸葛明月";
        String inRefusedFile = DeliveryFixture.id("220204", LocalDate.of(1953, 3, 9), 287);
        String refusedName = "上官雨桐";
        List<String> personal = List.of(stranger, strangerName, wrongCheckDigit, PERSON, PERSON_NAME, inBadRow,
                badRowName, inRefusedFile, refusedName);
        StaffPrincipal admin = caller(StaffRole.CITY_ADMINISTRATOR);

        String logBefore = output.getAll();
        List<String> answers = atProductionLogLevel(() -> {
            List<String> errors = new ArrayList<>();
            // (a) a failed login whose username is an ID number
            MockHttpServletResponse login = mvc.perform(post("/api/session").with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(Map.of("username", stranger,
                            "password", "Wrong-pass-2026!", "code", "123456")))).andReturn().getResponse();
            assertThat(login.getStatus()).isEqualTo(401);
            errors.add(text(login));

            // (b) ID numbers in the path (found nowhere, malformed, refused to a role), in parameters, in bodies
            for (String id : List.of(stranger, wrongCheckDigit)) {
                MockHttpServletResponse r = send(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + id + "\"}")
                        .param("month", MONTH.toString()), admin);
                assertThat(r.getStatus()).isIn(400, 404);
                errors.add(text(r));
            }
            // decided: the explanation answers with the number the caller asked about, which tells them nothing
            // new, and shows the person's name masked
            String explained = text(send(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + PERSON + "\"}")
                    .param("month", MONTH.toString()), admin));
            assertThat(explained).contains("\"idNumber\":\"" + PERSON + "\"").doesNotContain(PERSON_NAME);
            MockHttpServletResponse refused = send(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + PERSON + "\"}"),
                    caller(StaffRole.LEADERSHIP));
            assertThat(refused.getStatus()).isEqualTo(403);
            errors.add(text(refused));
            errors.add(text(send(get("/api/certification/lists").param("month", MONTH.toString())
                    .param("district", stranger), admin)));
            errors.add(text(send(get("/api/certification/tasks").param("community", wrongCheckDigit), admin)));
            for (String id : List.of(stranger, wrongCheckDigit)) {
                errors.add(text(send(post("/api/registry/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsBytes(Map.of("idNumber", id))), admin)));
            }
            errors.add(text(send(post("/api/review-items/{d}/{r}/match", NOBODY, 1)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsBytes(Map.of("idNumber", stranger, "reviewer", strangerName))), admin)));
            errors.add(text(send(post("/api/law-enforcement/person-lookups").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsBytes(Map.of("person", wrongCheckDigit))),
                    caller(StaffRole.LAW_ENFORCEMENT_LIAISON))));

            // (c) a department's file with bad rows, and one refused whole for a byte that is no UTF-8 in a cell
            // holding a name and an ID number: the reader quotes that cell back to the sender
            MockHttpServletResponse rows = upload(admin, (FEED_HEADER + "\n"
                    + badRowName + "," + inBadRow + ",2028-13-45\n"
                    + strangerName + "," + wrongCheckDigit + ",2028-09-06\n"
                    + badRowName + "," + inBadRow + ",2028-09-06,多余\n").getBytes(StandardCharsets.UTF_8));
            assertThat(rows.getStatus()).as(text(rows)).isEqualTo(201);
            assertThat(JSON.readTree(text(rows)).get("counts").get("rejected").asLong()).isGreaterThanOrEqualTo(2);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes((FEED_HEADER + "\n" + refusedName + " " + inRefusedFile).getBytes(StandardCharsets.UTF_8));
            file.write(0xFF);
            file.writeBytes(",2028-09-06\n".getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse whole = upload(admin, file.toByteArray());
            assertThat(whole.getStatus()).as(text(whole)).isEqualTo(422);
            // the refusal as stored and listed to every officer who sees deliveries (the console shows it)
            long refusedId = JSON.readTree(text(whole)).get("deliveryId").asLong();
            String listed = JSON.readTree(text(send(get("/api/deliveries/{id}", refusedId), admin))).get("reason")
                    .asString();
            assertThat(listed).contains("row 2", "客户姓名", "not valid UTF-8");
            errors.add(listed);
            return errors;
        });

        String logged = output.getAll().substring(logBefore.length());
        assertThat(logged).as("the log of these calls").contains("refused POST explain", "applied: " + PROVIDER,
                "refused: " + PROVIDER);
        for (String datum : personal) {
            assertThat(logged).as("the log").doesNotContain(datum);
            for (String answer : answers) {
                assertThat(answer).as("an error answer").doesNotContain(datum);
            }
        }
    }

    private static String text(MockHttpServletResponse response) throws UnsupportedEncodingException {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse upload(StaffPrincipal who, byte[] content) throws Exception {
        return send(multipart("/api/deliveries").file(new MockMultipartFile("file", "rows.csv", "text/csv", content))
                .param("provider", PROVIDER).param("feed", FEED).param("month", MONTH.toString())
                .param("asOf", AS_OF.toString()), who);
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, StaffPrincipal who)
            throws Exception {
        request.with(csrf()).with(authentication(new UsernamePasswordAuthenticationToken(who, null, List.of())));
        return mvc.perform(request).andReturn().getResponse();
    }

    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs the work with Vigil's own logs at the level production runs them (the test profile lowers them to warn). */
    private <T> T atProductionLogLevel(Work<T> work) throws Exception {
        logging.setLogLevel("org.vigil", LogLevel.INFO);
        try {
            return work.run();
        }
        finally {
            logging.setLogLevel("org.vigil", LogLevel.WARN);
        }
    }

    // ---- helpers: the calls ----------------------------------------------------------------

    /** One request: path values, query parameters, a JSON body or multipart parts. */
    static final class Call {
        final String method;
        final String template;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        Map<String, Object> body;
        boolean multipart;
        String jsonPart;
        final Map<String, FilePart> files = new LinkedHashMap<>();

        Call(String method, String template) {
            this.method = method;
            this.template = template;
        }

        Call copy() {
            Call c = new Call(method, template);
            c.path.putAll(path);
            c.params.putAll(params);
            c.body = body == null ? null : deepCopy(body);
            if (c.body != null && c.body.get("number") instanceof String n && n.startsWith(UNIQUE)) {
                // a new agreement's number is new each time, or every probe after the first meets a conflict
                c.body.put("number", UNIQUE + System.nanoTime());
            }
            c.multipart = multipart;
            c.jsonPart = jsonPart;
            c.files.putAll(files);
            return c;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> deepCopy(Map<String, Object> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                    : v instanceof List<?> l ? l.stream().map(x -> x instanceof Map<?, ?> xm
                            ? deepCopy((Map<String, Object>) xm) : x).toList() : v));
            return copy;
        }
    }

    record FilePart(String fileName, String contentType, byte[] content) {
    }

    /** A text input of an operation, and how to put a value into it. */
    record Input(String label, BiConsumer<Call, String> set) {
    }

    record Outcome(int status, String contentType, String body, String errorMessage, String nosniff, String thrown) {
    }

    private Outcome perform(Call call, StaffPrincipal who) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request;
        Object[] values = pathValues(call);
        if (call.multipart) {
            MockMultipartHttpServletRequestBuilder m = multipart(HttpMethod.valueOf(call.method), call.template, values);
            call.files.forEach((name, f) -> m.file(new MockMultipartFile(name, f.fileName(), f.contentType(), f.content())));
            if (call.jsonPart != null) {
                m.file(new MockMultipartFile(call.jsonPart, "", MediaType.APPLICATION_JSON_VALUE,
                        JSON.writeValueAsBytes(call.body)));
            }
            request = m;
        }
        else {
            request = MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method), call.template, values);
            if (call.body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(call.body));
            }
        }
        call.params.forEach(request::param);
        request.with(csrf()).with(authentication(new UsernamePasswordAuthenticationToken(who, null, List.of())));
        try {
            MvcResult result = mvc.perform(request).andReturn();
            MockHttpServletResponse r = result.getResponse();
            return new Outcome(r.getStatus(), r.getContentType(), r.getContentAsString(StandardCharsets.UTF_8),
                    r.getErrorMessage(), r.getHeader("X-Content-Type-Options"), null);
        }
        catch (Exception e) {
            // MockMvc hands back what no handler dealt with: a real server answers it with a 500
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Outcome(500, null, "", null, null, e.getClass().getSimpleName() + ": " + root);
        }
    }

    private static boolean problem(Outcome o) {
        return o.contentType() != null
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(o.contentType()));
    }

    /**
     * The rules every answer keeps, whatever was sent: no server error and no database error's text
     * (failures); no markup but inside JSON, which must still parse, and nosniff on every body (markup).
     */
    private static void check(String where, Outcome o, String probe, List<String> failures, List<String> markup) {
        if (o.status() >= 500) {
            failures.add(where + ": " + o.status() + " " + shorten(o.thrown() != null ? o.thrown() : o.body()));
            return;
        }
        String lower = (o.body() + "\n" + (o.errorMessage() == null ? "" : o.errorMessage())).toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            if (lower.contains(leak)) {
                failures.add(where + ": the answer shows '" + leak.strip() + "': " + shorten(o.body()));
            }
        }
        // an empty answer (the firewall's refusal of a path) has nothing a browser could sniff
        if (!o.body().isEmpty() && !"nosniff".equals(o.nosniff())) {
            markup.add(where + ": no X-Content-Type-Options: nosniff");
        }
        boolean json = o.contentType() != null && (MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(
                o.contentType())) || problem(o));
        if ((lower.contains("<script") || lower.contains("onerror=") || lower.contains("<img")) && !json) {
            markup.add(where + ": markup answered as " + o.contentType() + ": " + shorten(o.body()));
        }
        if (json && !o.body().isEmpty()) {
            try {
                JSON.readTree(o.body());
            }
            catch (RuntimeException e) {
                // a reflected quote that broke out of its string would land here
                markup.add(where + ": the JSON answer does not parse: " + shorten(o.body()));
            }
        }
        // with no body, the servlet container's error page would show the message (if configured to)
        if (o.body().isEmpty() && o.errorMessage() != null && probe != null && o.errorMessage().contains(probe)) {
            markup.add(where + ": the error message repeats the input");
        }
    }

    /**
     * Vigil's REST operations by "METHOD /path", those that end something (close, terminate,
     * discard, log out…) last, so the others still find their object open.
     */
    private Map<String, HandlerMethod> operations() {
        Map<String, HandlerMethod> found = new TreeMap<>(Comparator.comparing(
                (String op) -> op.startsWith("DELETE ") || ENDING.matcher(op).find()).thenComparing(op -> op));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("org.vigil.")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    found.put(method.name() + " " + path, e.getValue());
                }
            }
        }
        return found;
    }

    private static StaffPrincipal caller(StaffRole role) {
        String region = role == StaffRole.DATA_PROVIDER ? null : "220200";
        return new StaffPrincipal(70 + role.ordinal(), "probe." + role.name().toLowerCase(Locale.ROOT), "探针", role,
                region, role == StaffRole.DATA_PROVIDER ? PROVIDER : null);
    }

    /** The city administrator, who holds nearly everything; else the first role that may call the operation. */
    private static StaffPrincipal caller(HandlerMethod handler) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
        }
        List<Permission> needed = allowed == null ? List.of() : List.of(allowed.value());
        StaffRole role = needed.stream().anyMatch(StaffRole.CITY_ADMINISTRATOR::may) ? StaffRole.CITY_ADMINISTRATOR
                : Arrays.stream(StaffRole.values()).filter(r -> needed.stream().anyMatch(r::may)).findFirst()
                        .orElse(StaffRole.CITY_ADMINISTRATOR);
        return caller(role);
    }

    /** The operation called with a plausible value in every input it has. */
    private Call plausibleCall(String operation, HandlerMethod handler) {
        String[] parts = operation.split(" ", 2);
        Call call = new Call(parts[0], parts[1]);
        Matcher m = VARIABLE.matcher(parts[1]);
        while (m.find()) {
            call.path.put(m.group(1), pathSample(parts[1], m.group(1)));
        }
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            RequestBody body = p.getParameterAnnotation(RequestBody.class);
            if (param != null) {
                String name = name(param.name(), p);
                boolean defaulted = !ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
                Class<?> type = p.getNestedParameterType();
                if (type == String.class) {
                    call.params.put(name, text(name));
                }
                else if (type == YearMonth.class) {
                    call.params.put(name, MONTH.toString());
                }
                else if (type == LocalDate.class) {
                    call.params.put(name, AS_OF.toString());
                }
                else if (!defaulted && param.required() && p.getParameterType() != Optional.class
                        && (type == int.class || type == Integer.class)) {
                    call.params.put(name, "2028");
                }
            }
            else if (part != null) {
                call.multipart = true;
                String name = name(part.name(), p);
                if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                    call.files.put(name, name.equals("file") && operation.equals("POST /api/deliveries")
                            ? new FilePart("probe.csv", "text/csv", csv(PERSON_NAME))
                            : new FilePart("scan.pdf", MediaType.APPLICATION_PDF_VALUE, PDF));
                }
                else if (p.getParameterType().isRecord()) {
                    call.jsonPart = name;
                    call.body = plausibleRecord(p.getParameterType());
                }
            }
            else if (body != null && p.getParameterType().isRecord()) {
                call.body = plausibleRecord(p.getParameterType());
            }
        }
        return call;
    }

    /** Every text input of the operation: string parameters and path variables, the body's and parts' text fields. */
    private List<Input> textInputs(String operation, HandlerMethod handler) {
        List<Input> inputs = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            PathVariable variable = p.getParameterAnnotation(PathVariable.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            RequestBody body = p.getParameterAnnotation(RequestBody.class);
            if (param != null && p.getNestedParameterType() == String.class) {
                String name = name(param.name(), p);
                inputs.add(new Input("?" + name, (c, v) -> c.params.put(name, v)));
            }
            else if (variable != null && p.getParameterType() == String.class) {
                String name = name(variable.name(), p);
                inputs.add(new Input("{" + name + "}", (c, v) -> c.path.put(name, v)));
            }
            else if (part != null && MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                String name = name(part.name(), p);
                // a delivery's content is new each time, or the same file would be answered as already applied
                boolean delivery = operation.equals("POST /api/deliveries");
                inputs.add(new Input(name + ".filename", (c, v) -> c.files.compute(name, (k, f) -> new FilePart(v,
                        f.contentType(), delivery ? csv("探针文件" + Integer.toHexString(v.hashCode())) : f.content()))));
                if (delivery) {
                    // the cells of a department's file are text someone else wrote, too
                    inputs.add(new Input(name + " cell", (c, v) -> c.files.compute(name,
                            (k, f) -> new FilePart(f.fileName(), f.contentType(), csv(v)))));
                }
            }
            else if ((part != null || body != null) && p.getParameterType().isRecord()) {
                inputs.addAll(recordInputs(p.getParameterType()));
            }
        }
        return inputs;
    }

    /** The text fields of a body: strings, lists and maps of strings, and those of records one level down. */
    private static List<Input> recordInputs(Class<?> type) {
        List<Input> inputs = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            String field = rc.getName();
            Class<?> raw = rc.getType();
            Type element = elementType(rc.getGenericType());
            if (raw == String.class) {
                inputs.add(new Input("." + field, (c, v) -> c.body.put(field, v)));
            }
            else if (Collection.class.isAssignableFrom(raw) && element == String.class) {
                inputs.add(new Input("." + field + "[0]", (c, v) -> c.body.put(field, List.of(v))));
            }
            else if (Map.class.isAssignableFrom(raw)) {
                inputs.add(new Input("." + field + "{}", (c, v) -> c.body.put(field, Map.of(v, v))));
            }
            else if (raw.isRecord() || Collection.class.isAssignableFrom(raw) && element instanceof Class<?> e
                    && e.isRecord()) {
                Class<?> nested = raw.isRecord() ? raw : (Class<?>) element;
                boolean list = !raw.isRecord();
                for (RecordComponent inner : nested.getRecordComponents()) {
                    if (inner.getType() != String.class) {
                        continue;
                    }
                    String innerField = inner.getName();
                    inputs.add(new Input("." + field + (list ? "[0]." : ".") + innerField, (c, v) -> {
                        Object holder = c.body.get(field);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> target = (Map<String, Object>) (list ? ((List<?>) holder).get(0) : holder);
                        target.put(innerField, v);
                    }));
                }
            }
        }
        return inputs;
    }

    private static Type elementType(Type generic) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1) {
            return pt.getActualTypeArguments()[0];
        }
        return null;
    }

    /** A body that passes validation where it can, aimed at the probe's own objects or at nothing. */
    private static Map<String, Object> plausibleRecord(Class<?> type) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            body.put(rc.getName(), plausible(type.getSimpleName(), rc.getName(), rc.getType(), rc.getGenericType()));
        }
        return body;
    }

    private static Object plausible(String owner, String name, Class<?> raw, Type generic) {
        if (raw == String.class) {
            if (owner.equals("SupervisorBody") && name.equals("account")) {
                // optional, and when given it must be a staff account that exists
                return null;
            }
            return owner.equals("LoginRequest") && name.equals("code") ? "123456"
                    : owner.equals("RegisterProviderRequest") && name.equals("code") ? "sp_probe_new" : text(name);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return switch (name) {
                case "issue" -> QualityIssue.SPOT_CHECK.name();
                case "level" -> "CITY";
                default -> ((Enum<?>) constants[0]).name();
            };
        }
        if (raw == LocalDate.class) {
            return switch (name) {
                case "signedOn", "validFrom" -> "2020-01-01";
                case "validTo" -> "2099-12-31";
                default -> "2026-06-15";
            };
        }
        if (raw == YearMonth.class) {
            // the monthly quality check calls every delivery due by the month's end overdue, for every provider of
            // the shared test context: asked of a month before any agreement, it finds nothing
            // other writes aim at a month nobody's data is in, so they change nothing that others read
            return owner.equals("CheckRequest") ? "2000-01" : "2099-01";
        }
        if (raw == OffsetDateTime.class) {
            return name.endsWith("To") ? "2026-06-30T10:00:00+08:00" : "2026-06-15T10:00:00+08:00";
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("0.5");
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return name.equals("recordId") ? Long.parseLong(NOBODY) : 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isRecord()) {
            return plausibleRecord(raw);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = elementType(generic);
            Class<?> e = element instanceof Class<?> c ? c : String.class;
            Object one = plausible(owner, singular(name), e, element);
            if (name.equals("officers")) {
                // two officers at least (004 第十二条), and two different people
                @SuppressWarnings("unchecked")
                Map<String, Object> second = (Map<String, Object>) plausible(owner, "officer", e, element);
                second.put("name", "李探针");
                second.put("credentialNumber", "220200654321");
                return List.of(one, second);
            }
            return List.of(one);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        return null;
    }

    private static String singular(String name) {
        return switch (name) {
            case "persons" -> "person";
            case "feeds" -> "feed";
            default -> name;
        };
    }

    /** A plausible value for a text input, by its name. */
    private static String text(String name) {
        return switch (name) {
            case "username" -> "probe.nobody";
            case "password" -> "Probe-pass-2026!";
            case "idNumber", "person" -> PERSON;
            case "creditCode" -> "91220200MA0Y0000XX";
            case "provider", "providerCode" -> PROVIDER;
            case "feed" -> FEED;
            case "district" -> DISTRICT;
            case "street" -> STREET;
            case "community" -> COMMUNITY;
            case "regionCode" -> "220200";
            case "kind" -> "due";
            case "within" -> "P60D";
            case "asOf" -> "2026-06-01";
            case "number" -> UNIQUE + System.nanoTime();
            case "phone" -> "13800001234";
            case "newValue" -> "13800001234";
            case "fileSha256" -> "0".repeat(64);
            case "credentialNumber" -> "220200123456";
            case "caseNumber" -> "吉公协字〔2026〕1号";
            case "approvalNumber" -> "吉公审〔2026〕1号";
            case "requestingAgency" -> "吉林市公安局";
            case "legalBasis" -> "《中华人民共和国刑事诉讼法》第五十四条";
            case "agencyName" -> "吉林市社会保险事业管理局";
            case "account" -> "probe.supervisor";
            case "name" -> "王探针";
            default -> "探针" + name;
        };
    }

    private String pathSample(String template, String variable) {
        return switch (variable) {
            case "code" -> PROVIDER;
            case "number" -> template.endsWith("/termination") ? "FIX-" + TERMINATED_PROVIDER : "FIX-" + PROVIDER;
            case "feedCode" -> FEED;
            case "sha256" -> "0".repeat(64);
            case "idNumber" -> PERSON;
            case "row" -> "1";
            case "deliveryId", "recipientId" -> NOBODY;
            case "id" -> template.startsWith("/api/certification/tasks/") ? Long.toString(taskId)
                    : template.startsWith("/api/quality/rectifications/") ? Long.toString(rectificationId)
                    : template.startsWith("/api/deliveries/") ? Long.toString(deliveryId) : NOBODY;
            default -> throw new AssertionError("no sample for {" + variable + "} of " + template);
        };
    }

    private static Object[] pathValues(Call call) {
        List<Object> values = new ArrayList<>();
        Matcher m = VARIABLE.matcher(call.template);
        while (m.find()) {
            values.add(call.path.get(m.group(1)));
        }
        return values.toArray();
    }

    private static String name(String declared, MethodParameter p) {
        return declared == null || declared.isEmpty() ? p.getParameterName() : declared;
    }

    /** A delivery file of the feed with one row whose name cell holds the value. */
    private static byte[] csv(String name) {
        return (FEED_HEADER + "\n" + name.replace("\n", " ") + "," + PERSON + ",2028-09-07\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- helpers: the database -------------------------------------------------------------

    /** Row counts of key tables; each query names its table literally, and fails if the table is gone. */
    private Map<String, Long> counts() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("certification.decision", "select count(*) from certification.decision");
        queries.put("certification.recipient", "select count(*) from certification.recipient");
        queries.put("registry.person", "select count(*) from registry.person");
        queries.put("governance.audit_event", "select count(*) from governance.audit_event");
        queries.put("sharing.delivery", "select count(*) from sharing.delivery");
        Map<String, Long> counts = new LinkedHashMap<>();
        queries.forEach((table, sql) -> counts.put(table, inScope(() -> jdbc.sql(sql).query(Long.class).single())));
        return counts;
    }

    private long lastDeliveryId() {
        return inScope(() -> jdbc.sql("select coalesce(max(id), 0) from sharing.delivery").query(Long.class).single());
    }

    /**
     * Every text column of Vigil's schemas that holds the value exactly somewhere: the table and
     * column names come from the catalogue and are quoted by format's %I, the value by %L, all on
     * the server, so the search is itself no injection.
     */
    private List<String> columnsHolding(String value) {
        return inScope(() -> jdbc.sql("""
                select c.table_schema || '.' || c.table_name || '.' || c.column_name
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema in ('certification', 'governance', 'recovery', 'registry', 'sharing')
                  and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying')
                  and (xpath('/row/c/text()', query_to_xml(format(
                        'select count(*) as c from %I.%I where strpos(%I::text, %L) > 0',
                        c.table_schema, c.table_name, c.column_name, :v), false, true, '')))[1]::text::bigint > 0
                """).param("v", value).query(String.class).list());
    }

    private <T> T inScope(Supplier<T> work) {
        try (DataScope.Binding binding = DataScope.bind(DataScope.system())) {
            return work.get();
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.replace("\u0000", "\\0");
        return shown.length() <= 160 ? shown : shown.substring(0, 160) + "…(" + s.length() + " chars)";
    }
}
