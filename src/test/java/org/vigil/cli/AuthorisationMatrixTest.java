package org.vigil.cli;

import org.vigil.governance.SignedAgreements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.Allowed;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.TotpCodes;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionLevel;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.DataScope;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.vault.VaultNumbers;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may do what, where (DATA-3, ADR 0026), tried against the running application rather than
 * read from a table: every REST operation Vigil serves is called as every staff role, and the
 * answer must be a refusal exactly when the role lacks the operation's permission; every command
 * is decided for an account of every role signed in through the command line's sign-in; then people
 * of two districts are looked for from inside and outside their jurisdiction, through the API and
 * straight in PostgreSQL, and whoever is outside finds nothing.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 24);
    static final String DISTRICT_A = "220283";
    static final String STREET_A = "220283001";
    static final String COMMUNITY_A = "220283001001";
    static final String OTHER_STREET_A = "220283002001";
    static final String DISTRICT_B = "220284";
    static final String COMMUNITY_B = "220284001001";

    static final String IN_A = DeliveryFixture.id(DISTRICT_A, LocalDate.of(1950, 2, 3), 701);
    static final String OTHER_STREET_IN_A = DeliveryFixture.id(DISTRICT_A, LocalDate.of(1951, 3, 4), 702);
    static final String IN_B = DeliveryFixture.id(DISTRICT_B, LocalDate.of(1952, 4, 5), 703);

    /** A value for each path variable of any operation; an operation with a variable not here fails the matrix. */
    static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("id", "987654321"),
            Map.entry("code", "mx_nobody"), Map.entry("number", "NO-SUCH"), Map.entry("feedCode", "death.police"),
            Map.entry("sha256", "0".repeat(64)), Map.entry("idNumber", IN_B), Map.entry("deliveryId", "987654321"),
            Map.entry("row", "1"), Map.entry("recipientId", "987654321"));
    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final JdbcClient jdbc;
    private final PersonVault vault;
    private final TransactionTemplate transactions;
    private long providerOneDelivery;
    private long providerTwoDelivery;

    @Autowired
    AuthorisationMatrixTest(WebApplicationContext web,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, JdbcClient jdbc,
            TransactionTemplate transactions, PersonVault vault) {
        this.vault = vault;
        this.mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        this.mappings = mappings;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @BeforeAll
    void twoDistrictsAndTwoProviders(@Autowired RecipientBaseline baseline, @Autowired MonthlyVerification verification,
            @Autowired VerificationTasks tasks, @Autowired DeliveryIngestion ingestion,
            @Autowired ProviderRegistry providers, @Autowired AgreementRegister agreements) throws IOException {
        new RecipientFixture()
                .add(IN_A, "陈玉兰", BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2500.00", COMMUNITY_A, DISTRICT_A, null,
                        "2025-05-30")
                .add(OTHER_STREET_IN_A, "杨国庆", BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2600.00", OTHER_STREET_A,
                        DISTRICT_A, null, "2025-05-30")
                .add(IN_B, "黄丽华", BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2700.00", COMMUNITY_B, DISTRICT_B, null,
                        "2025-05-30")
                .load(baseline, workspace);
        verification.verify(MONTH, AS_OF);
        tasks.create(MONTH, Optional.of(DISTRICT_A));
        tasks.create(MONTH, Optional.of(DISTRICT_B));

        DeliveryFixture deliveries = new DeliveryFixture(ingestion, providers, agreements, workspace);
        deliveries.provider("mx_one", "life.bank_counter");
        deliveries.provider("mx_two", "life.bank_counter");
        providerOneDelivery = deliveries.deliver("mx_one", "life.bank_counter", MONTH, "客户姓名,证件号码,交易日期",
                "陈玉兰," + IN_A + ",2026-10-06").deliveryId();
        providerTwoDelivery = deliveries.deliver("mx_two", "life.bank_counter", MONTH, "客户姓名,证件号码,交易日期",
                "黄丽华," + IN_B + ",2026-10-06").deliveryId();
    }

    // ---- function permissions -------------------------------------------------------------

    @Test
    void data3_everyOperationDeclaresWhoMayCallIt() {
        List<String> undeclared = operations().entrySet().stream()
                .filter(e -> permissions(e.getValue()).length == 0).map(Map.Entry::getKey).toList();
        assertThat(undeclared).as("REST operations without @Allowed (closed to everyone until decided)").isEmpty();
    }

    @Test
    void data3_everyOperationTimesEveryRole_isRefusedExactlyWhenTheRoleLacksItsPermission() throws Exception {
        Map<String, HandlerMethod> operations = operations();
        assertThat(operations).as("the operations found").hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, HandlerMethod> op : operations.entrySet()) {
            Permission[] needed = permissions(op.getValue());
            for (StaffRole role : StaffRole.values()) {
                boolean expected = java.util.Arrays.stream(needed).anyMatch(role::may);
                MvcResult result = call(op.getKey(), op.getValue(), principal(role));
                int status = result.getResponse().getStatus();
                calls++;
                if (status == 403) {
                    // a refusal is an RFC 9457 problem with its members set, none written as null
                    String problem = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    if (!problem.contains("\"type\":\"urn:vigil:problem:403\"") || problem.contains(":null")) {
                        wrong.add(op.getKey() + " as " + role + ": refusal is not a complete problem: " + problem);
                    }
                }
                if (expected == (status == 403)) {
                    wrong.add(op.getKey() + " as " + role + ": " + status + (expected ? " (should be allowed)"
                            : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).as("of %d calls", calls).isEmpty();
    }

    @Test
    void data3_withoutASessionOnlyTheLoginAnswers() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, HandlerMethod> op : operations().entrySet()) {
            int status = call(op.getKey(), op.getValue(), null).getResponse().getStatus();
            boolean login = op.getKey().equals("POST /api/session");
            if (login ? status == 401 || status == 403 : status != 401) {
                wrong.add(op.getKey() + ": " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Every read without a path variable, asked by the city administrator (who may see the whole
     * city) about the month the fixture's people were verified in, answers with their ID numbers
     * and names masked; seeing them in full is the purpose-bound reveal (ADR 0030).
     */
    @Test
    void data9_personalDataIsMaskedInEveryAnswerByDefault() throws Exception {
        StaffPrincipal admin = principal(StaffRole.CITY_ADMINISTRATOR);
        List<String> leaks = new ArrayList<>();
        int reads = 0;
        for (Map.Entry<String, HandlerMethod> op : operations().entrySet()) {
            if (!op.getKey().startsWith("GET ") || op.getKey().contains("{")) {
                continue;
            }
            String body = body(get(op.getKey().substring(4)).param("month", MONTH.toString()).param("size", "200")
                    .param("limit", "200").param("district", DISTRICT_A), admin, -1);
            reads++;
            for (String secret : List.of(IN_A, OTHER_STREET_IN_A, IN_B, "陈玉兰", "杨国庆", "黄丽华")) {
                if (body.contains(secret)) {
                    leaks.add(op.getKey() + " shows " + secret.substring(0, 2) + "…");
                }
            }
        }
        assertThat(reads).isGreaterThan(15);
        assertThat(leaks).isEmpty();
        // and the lists do show the fixture's people, masked
        assertThat(body(get("/api/certification/lists").param("month", MONTH.toString()).param("size", "200"), admin,
                200)).contains(mask(IN_A), "陈*兰");
    }

    // ---- commands ---------------------------------------------------------------------------

    @Test
    void data3_everyCommandDeclaresWhoMayRunIt() {
        List<String> undeclared = commands().entrySet().stream()
                .filter(e -> CommandAccess.needed(e.getValue()).length == 0).map(Map.Entry::getKey).toList();
        assertThat(commands()).as("the commands found").hasSizeGreaterThan(35);
        assertThat(undeclared).as("commands without @Allowed (refused to every staff account)").isEmpty();
    }

    /**
     * Each role signs in for real (password, then the second factor's code at the application's
     * clock) through the command line's own sign-in, once; then every command is decided for the
     * account that came out of it.
     */
    @Test
    void data3_everyCommandTimesEveryRole_isRefusedExactlyWhenTheRoleLacksItsPermission(@Autowired StaffDirectory staff,
            @Autowired Clock clock) {
        Map<String, Class<?>> commands = commands();
        List<String> wrong = new ArrayList<>();
        int person = 0;
        for (StaffRole role : StaffRole.values()) {
            StaffPrincipal p = principal(role);
            String username = "cli." + role.name().toLowerCase().replace('_', '-');
            char[] password = "Matrix-Pass-2026!".toCharArray();
            StaffDirectory.OpenedAccount opened = staff.open(new NewStaffAccount(username, "矩阵" + role.chinese(),
                    ResidentId.parse(DeliveryFixture.id(DISTRICT_B, LocalDate.of(1970, 1, 1), 750 + person++), clock)
                            .toOptional().orElseThrow(),
                    role, p.region() == null ? null : RegionCode.parse(p.region()).toOptional().orElseThrow(),
                    p.provider(), SignedAgreements.SIGNED), password.clone(), "matrix.security");
            Class<?> first = commands.get("vigil verify");
            String code = TotpCodes.at(opened.totpSecret(), clock.instant());
            StaffPrincipal who;
            try {
                who = CommandAccess.authorise(staff, first, username, password.clone(), code);
                if (!role.may(Permission.MONTHLY_RUN)) {
                    wrong.add("vigil verify as " + role + ": allowed (should be refused)");
                }
            }
            catch (CommandAccess.Refused refused) {
                assertThat(refused.getMessage()).as(role + " signed in and was refused, not failed").contains("may not run");
                if (role.may(Permission.MONTHLY_RUN)) {
                    wrong.add("vigil verify as " + role + ": refused (should be allowed)");
                }
                who = StaffPrincipal.from(staff.find(username).orElseThrow());
            }
            assertThat(who.role()).isEqualTo(role);
            for (Map.Entry<String, Class<?>> command : commands.entrySet()) {
                boolean expected = java.util.Arrays.stream(CommandAccess.needed(command.getValue())).anyMatch(role::may);
                if (CommandAccess.permits(command.getValue(), who) != expected) {
                    wrong.add(command.getKey() + " as " + role);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThatThrownBy(() -> CommandAccess.authorise(staff, commands.get("vigil audit list"), "cli.auditor",
                "wrong-password".toCharArray(), "000000")).isInstanceOf(CommandAccess.Refused.class)
                .hasMessageContaining("sign-in failed");
    }

    // ---- jurisdiction through the API -----------------------------------------------------

    @Test
    void data3_aDistrictOfficerSeesOnlyTheDistrictsPeople_andAskingForAnotherDistrictGivesNothing() throws Exception {
        StaffPrincipal officerA = new StaffPrincipal(91, "a.officer", "甲区经办", StaffRole.DISTRICT_OFFICER, DISTRICT_A,
                null);
        String list = body(get("/api/certification/lists").param("month", MONTH.toString()).param("size", "200"),
                officerA, 200);
        assertThat(list).contains(mask(IN_A), mask(OTHER_STREET_IN_A)).doesNotContain(mask(IN_B));
        assertThat(districtsIn(list)).containsOnly(DISTRICT_A);

        String asked = body(get("/api/certification/lists").param("month", MONTH.toString())
                .param("district", DISTRICT_B), officerA, 200);
        assertThat(asked).contains("\"total\":0").doesNotContain(mask(IN_B));
        // a filter written as an injection is a filter that matches nothing, never a wider query
        String injected = body(get("/api/certification/lists").param("month", MONTH.toString())
                .param("district", DISTRICT_B + "' or '1'='1"), officerA, -1);
        assertThat(injected).doesNotContain(mask(IN_B));

        expect(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + IN_B + "\"}").param("month", MONTH.toString()), officerA, 404);
        expect(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + IN_A + "\"}").param("month", MONTH.toString()), officerA, 200);

        String tasks = body(get("/api/certification/tasks").param("month", MONTH.toString()).param("size", "200"),
                officerA, 200);
        assertThat(districtsIn(tasks)).doesNotContain(DISTRICT_B);
        long taskInB = jdbc.sql("select id from certification.verification_task where person = :person and month = :m")
                .param("person", VaultNumbers.of(vault, IN_B)).param("m", MONTH.atDay(1)).query(Long.class).single();
        expect(get("/api/certification/tasks/" + taskInB), officerA, 404);

        String overview = body(get("/api/overview/districts"), officerA, 200);
        assertThat(overview).doesNotContain(DISTRICT_B);
    }

    @Test
    void data3_aStreetOrCommunityWorkerSeesOnlyTheirOwnDivision() throws Exception {
        StaffPrincipal street = new StaffPrincipal(92, "a.street", "甲街道", StaffRole.STREET_WORKER, STREET_A, null);
        String streetList = body(get("/api/certification/lists").param("month", MONTH.toString()).param("size", "200"),
                street, 200);
        assertThat(streetList).contains(mask(IN_A)).doesNotContain(mask(OTHER_STREET_IN_A), mask(IN_B));

        StaffPrincipal community = new StaffPrincipal(93, "a.community", "甲社区", StaffRole.COMMUNITY_WORKER, COMMUNITY_A,
                null);
        String communityList = body(get("/api/certification/lists").param("month", MONTH.toString())
                .param("size", "200"), community, 200);
        assertThat(communityList).contains(mask(IN_A)).doesNotContain(mask(OTHER_STREET_IN_A), mask(IN_B));
        expect(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + OTHER_STREET_IN_A + "\"}").param("month", MONTH.toString()), community,
                404);
    }

    @Test
    void data3_aCityOfficerSeesEveryDistrict() throws Exception {
        StaffPrincipal city = principal(StaffRole.CITY_OFFICER);
        String list = body(get("/api/certification/lists").param("month", MONTH.toString()).param("size", "200"), city,
                200);
        assertThat(list).contains(mask(IN_A), mask(OTHER_STREET_IN_A), mask(IN_B));
    }

    @Test
    void share2_aDepartmentSeesOnlyItsOwnDeliveriesAndDeliversOnlyForItself() throws Exception {
        StaffPrincipal one = new StaffPrincipal(94, "mx.one", "报送一", StaffRole.DATA_PROVIDER, null, "mx_one");
        String mine = body(get("/api/deliveries").param("limit", "200"), one, 200);
        assertThat(mine).contains("\"provider\":\"mx_one\"").doesNotContain("mx_two");
        expect(get("/api/deliveries/" + providerOneDelivery), one, 200);
        expect(get("/api/deliveries/" + providerTwoDelivery), one, 404);
        expect(get("/api/deliveries/" + providerTwoDelivery + "/rejects.csv"), one, 404);
        expect(get("/api/deliveries/" + providerOneDelivery + "/rejects.csv"), one, 200);

        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv",
                ("客户姓名,证件号码,交易日期\n黄丽华," + IN_B + ",2026-10-08\n").getBytes(StandardCharsets.UTF_8));
        expect(multipart("/api/deliveries").file(file).param("provider", "mx_two").param("feed", "life.bank_counter")
                .param("month", MONTH.toString()), one, 403);
    }

    // ---- jurisdiction in PostgreSQL itself ------------------------------------------------

    @Test
    void data3_postgresqlItselfKeepsEveryQueryInsideTheScope() {
        long everywhere = countDecisions(DataScope.system());
        assertThat(countOutside(DataScope.system(), DISTRICT_A)).as("the system sees other districts").isPositive();

        assertThat(countOutside(DataScope.region(DISTRICT_A), DISTRICT_A)).isZero();
        assertThat(countDecisions(DataScope.region(DISTRICT_A))).isPositive().isLessThan(everywhere);
        assertThat(countDecisions(DataScope.region(COMMUNITY_A))).isEqualTo(1);
        assertThat(countDecisions(DataScope.provider("mx_one"))).as("a department sees no people").isZero();
        assertThat(countDecisions(DataScope.nothing())).isZero();
        // a connection whose scope was emptied, as by a code path that forgot it, sees nothing either
        Long forgotten = transactions.execute(tx -> {
            jdbc.sql("select set_config('vigil.scope', '', true)").query(String.class).single();
            return jdbc.sql("select count(*) from certification.decision").query(Long.class).single();
        });
        assertThat(forgotten).isZero();
        assertThat(inScope(DataScope.region(DISTRICT_A), () -> jdbc.sql(
                "select count(*) from certification.recipient where person = :person")
                .param("person", VaultNumbers.of(vault, IN_B))
                .query(Long.class).single())).isZero();
        assertThat(inScope(DataScope.provider("mx_one"), () -> jdbc.sql(
                "select provider from sharing.delivery where id in (:ids)")
                .param("ids", List.of(providerOneDelivery, providerTwoDelivery)).query(String.class).list()))
                .containsExactly("mx_one");
        assertThat(inScope(DataScope.region(DISTRICT_A), () -> jdbc.sql("select count(*) from sharing.delivery")
                .query(Long.class).single())).as("a district's staff see no deliveries").isZero();
    }

    @Test
    void data3_aDistrictCannotWriteIntoAnotherDistrict() {
        assertThatThrownBy(() -> inScope(DataScope.region(DISTRICT_A), () -> jdbc.sql("""
                update certification.verification_task set region_code = :b where person = :person""")
                .param("b", COMMUNITY_B).param("person", VaultNumbers.of(vault, IN_A)).update()))
                .rootCause().hasMessageContaining("row-level security");
        assertThat(inScope(DataScope.region(DISTRICT_A), () -> jdbc.sql("""
                update certification.verification_task set note = 'x' where person = :person""")
                .param("person", VaultNumbers.of(vault, IN_B))
                .update())).as("rows outside the scope are not even found").isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private long countDecisions(DataScope scope) {
        return inScope(scope, () -> jdbc.sql("select count(*) from certification.decision where month = :m")
                .param("m", MONTH.atDay(1)).query(Long.class).single());
    }

    private long countOutside(DataScope scope, String district) {
        return inScope(scope, () -> jdbc.sql(
                "select count(*) from certification.decision where month = :m and district <> :d")
                .param("m", MONTH.atDay(1)).param("d", district).query(Long.class).single());
    }

    private <T> T inScope(DataScope scope, java.util.function.Supplier<T> work) {
        try (DataScope.Binding binding = DataScope.bind(scope)) {
            return work.get();
        }
    }

    /** Vigil's runnable commands (those without subcommands of their own) by their full name. */
    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> found = new TreeMap<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(VigilCli.commandLine()));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            if (c.getCommand() instanceof picocli.CommandLine.HelpCommand) {
                continue;
            }
            if (c.getSubcommands().isEmpty()) {
                found.put(c.getCommandSpec().qualifiedName(), c.getCommand().getClass());
            }
            todo.addAll(c.getSubcommands().values());
        }
        return found;
    }

    /** Vigil's REST operations by "METHOD /path". */
    private Map<String, HandlerMethod> operations() {
        Map<String, HandlerMethod> found = new TreeMap<>();
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

    private static Permission[] permissions(HandlerMethod method) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        }
        return allowed == null ? new Permission[0] : allowed.value();
    }

    /** One call of an operation with sample path values and an empty body: enough to be allowed or refused. */
    private MvcResult call(String operation, HandlerMethod handler, StaffPrincipal who) throws Exception {
        String[] parts = operation.split(" ", 2);
        Matcher m = VARIABLE.matcher(parts[1]);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String sample = SAMPLES.get(m.group(1));
            assertThat(sample).as("a sample value for {%s} of %s", m.group(1), operation).isNotNull();
            m.appendReplacement(uri, Matcher.quoteReplacement(sample));
        }
        m.appendTail(uri);
        boolean multipartBody = java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(
                p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class));
        AbstractMockHttpServletRequestBuilder<?> request = multipartBody
                ? multipart(HttpMethod.valueOf(parts[0]), uri.toString())
                : MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), uri.toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{}");
        request.with(csrf());
        if (who != null) {
            request.with(authentication(new UsernamePasswordAuthenticationToken(who, null, List.of())));
        }
        return mvc.perform(request).andReturn();
    }

    private void expect(AbstractMockHttpServletRequestBuilder<?> request, StaffPrincipal who, int status) throws Exception {
        body(request, who, status);
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, StaffPrincipal who, int status) throws Exception {
        request.with(csrf()).with(authentication(new UsernamePasswordAuthenticationToken(who, null, List.of())));
        MvcResult result = mvc.perform(request).andReturn();
        String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status > 0) {
            assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
        }
        return content;
    }

    /** A staff member of each role, placed at the city level or in district A's divisions. */
    static StaffPrincipal principal(StaffRole role) {
        if (role == StaffRole.DATA_PROVIDER) {
            return new StaffPrincipal(90, "matrix.provider", "矩阵", role, null, "mx_one");
        }
        Map<RegionLevel, String> divisions = new EnumMap<>(Map.of(RegionLevel.CITY, "220200", RegionLevel.COUNTY,
                DISTRICT_A, RegionLevel.TOWNSHIP, STREET_A, RegionLevel.VILLAGE, COMMUNITY_A));
        return new StaffPrincipal(80 + role.ordinal(), "matrix." + role.name().toLowerCase(), "矩阵", role,
                divisions.get(role.level()), null);
    }

    private static String mask(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    private static List<String> districtsIn(String json) {
        List<String> districts = new ArrayList<>();
        Matcher m = Pattern.compile("\"district\":\"([0-9]{6})\"").matcher(json);
        while (m.find()) {
            districts.add(m.group(1));
        }
        return districts;
    }
}
