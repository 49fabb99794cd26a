package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.identity.ResidentId;
import org.vigil.vault.PersonVault;
import org.vigil.vault.VaultNumbers;

/**
 * DATA-15 (ADR 0035) for certification: after recipients are loaded and a month is run, with its
 * tasks and noted failures, no table of the module holds a recipient's ID number, name or bank
 * account in clear, nor the deceased worker's ID number of a dependent's benefit; the lists still
 * show them, opened; a sealed name moved to another recipient does not open; and a key rotation
 * moves the module's sealed columns, the own queries' sealed proxies among them, to the new key. Its own context, because it rotates keys.
 */
@VigilIntegrationTest
@TestPropertySource(properties = "vigil.test.context=certification-data15")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataAtRestTest {

    static final YearMonth MONTH = YearMonth.of(2026, 6);
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 24);
    static final String OVERDUE = id("22020219410305", "731");
    static final String CERTIFIED = id("22020219520611", "732");
    static final String DEPENDENT = id("22020219600923", "733");
    static final String WORKER = id("22020219380102", "734");
    static final String PROXY = id("22020219800506", "735");
    static final String BANK_ACCOUNT = "6222020200112233445";
    static final List<String> NAMES = List.of("欧阳春明", "司马秋菊", "上官玉兰");

    @TempDir
    static Path workspace;

    private final CertificationLists lists;
    private final PersonVault vault;
    private final KeyService keys;
    private final KeyRotation rotation;
    private final DataSource dataSource;
    private final JdbcClient owner;

    @Autowired
    PersonalDataAtRestTest(CertificationLists lists, PersonVault vault, KeyService keys, KeyRotation rotation,
            DataSource dataSource) throws SQLException {
        this.lists = lists;
        this.vault = vault;
        this.keys = keys;
        this.rotation = rotation;
        this.dataSource = dataSource;
        this.owner = JdbcClient.create(new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "postgres", ""));
    }

    private static String id(String first14, String sequence) {
        String first17 = first14 + sequence;
        return first17 + ResidentId.checkDigit(first17);
    }

    @BeforeAll
    void recipientsAMonthAndItsTasks(@Autowired RecipientBaseline baseline, @Autowired MonthlyVerification verification,
            @Autowired VerificationTasks tasks) throws IOException {
        Path file = workspace.resolve("recipients.csv");
        Files.writeString(file, String.join("\n", RecipientFixture.HEADER,
                String.join(",", OVERDUE, NAMES.get(0), "ENTERPRISE_PENSION", "", "", "2005-01-01", "3000.00", BANK_ACCOUNT,
                        "220202001001", "220202", "", "2025-01-10", "false", "false", "false"),
                String.join(",", CERTIFIED, NAMES.get(1), "ENTERPRISE_PENSION", "", "", "2012-01-01", "2800.00", "",
                        "220202001001", "220202", "", "2026-05-02", "false", "false", "false"),
                String.join(",", DEPENDENT, NAMES.get(2), "DEPENDENT", "SPOUSE", WORKER, "2015-01-01", "1200.00", "",
                        "220202002001", "220202", "", "2025-02-01", "false", "false", "false")) + "\n",
                StandardCharsets.UTF_8);
        assertThat(baseline.loadRecipients(file).added()).isEqualTo(3);
        verification.verify(MONTH, AS_OF);
        assertThat(tasks.create(MONTH, Optional.empty()).created()).isPositive();
    }

    @Test
    void data15_noIdNumberNameOrBankAccountIsStoredInClear() throws SQLException {
        Map<String, String> stored = StoredText.of(dataSource);
        // the scan reads what is there: the rows it must find are there
        assertThat(stored.get("certification.recipient")).contains("<row>");
        assertThat(stored.get("certification.decision")).contains("<row>");
        assertThat(stored.get("certification.verification_task")).contains("<row>");
        assertThat(stored.get("certification.certification_failure")).contains("<row>");
        assertThat(stored).containsKey("recovery.overpayment_case");
        stored.forEach((table, text) -> {
            for (String id : List.of(OVERDUE, CERTIFIED, DEPENDENT, WORKER)) {
                assertThat(text).as(table).doesNotContain(id).doesNotContain(id.substring(0, 17));
            }
            for (String name : NAMES) {
                assertThat(text).as(table).doesNotContain(name);
            }
            assertThat(text).as(table).doesNotContain(BANK_ACCOUNT);
        });

        // what is shown is opened from the vault and the sealed names
        ListPage page = lists.page(ListQuery.all(MONTH), 0, 10);
        assertThat(page.entries()).extracting(ListEntry::idNumber).containsExactlyInAnyOrder(OVERDUE, CERTIFIED, DEPENDENT);
        assertThat(page.entries()).extracting(ListEntry::name).containsExactlyInAnyOrderElementsOf(NAMES);
        long person = VaultNumbers.of(vault, OVERDUE);
        byte[] account = owner.sql("select bank_account_sealed from certification.recipient where person = :p")
                .param("p", person).query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new SealedValues(keys).open("certification.recipient.bank_account", person, account))
                .isEqualTo(BANK_ACCOUNT);
        assertThat(owner.sql("select deceased_worker from certification.recipient where person = :p")
                .param("p", VaultNumbers.of(vault, DEPENDENT)).query(Long.class).single())
                .isEqualTo(VaultNumbers.of(vault, WORKER));
        // an explanation asked by ID number finds the person through the vault
        assertThat(lists.explain(OVERDUE, MONTH).orElseThrow().decisions()).singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo(NAMES.get(0)));
    }

    @Test
    void data15_aSealedNameMovedToAnotherRecipientDoesNotOpen() {
        long victim = VaultNumbers.of(vault, CERTIFIED);
        long source = VaultNumbers.of(vault, OVERDUE);
        byte[] original = owner.sql("select name_sealed from certification.recipient where person = :p")
                .param("p", victim).query((rs, n) -> rs.getBytes(1)).single();
        // an administrator copies one recipient's sealed name over another's
        owner.sql("""
                update certification.recipient set name_sealed = (select name_sealed from certification.recipient
                                                                   where person = :source)
                 where person = :victim""").param("source", source).param("victim", victim).update();
        try {
            assertThatThrownBy(() -> lists.page(ListQuery.all(MONTH), 0, 10))
                    .isInstanceOf(KeyService.TamperedException.class);
        }
        finally {
            owner.sql("update certification.recipient set name_sealed = :v where person = :p").param("v", original)
                    .param("p", victim).update();
        }
        assertThat(lists.page(ListQuery.all(MONTH), 0, 10).entries()).extracting(ListEntry::name)
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @Test
    void data17_aRotationMovesTheRecipientsSealedColumnsAndTheOwnQueriesProxiesToTheNewKey(
            @Autowired OwnQueries ownQueries) {
        // a proxy's query at the window: its ID number and name are sealed in the own query (ADR 0031)
        StaffPrincipal officer = new StaffPrincipal(9301, "city.officer", "市级认证经办", StaffRole.CITY_OFFICER, "2202",
                null);
        assertThat(ownQueries.answer(officer, new OwnQuery(ResidentId.parse(CERTIFIED, AS_OF).orElseThrow(),
                IdentityCheck.ID_CARD_READER, new OwnQuery.Proxy("令狐冲", ResidentId.parse(PROXY, AS_OF).orElseThrow(),
                        "邻居", new ByteArrayInputStream("%PDF-1.4 authorisation".getBytes(StandardCharsets.US_ASCII))),
                "ticket-1"))).isPresent();
        String old = keys.currentDataKey();
        assertThat(use(old, "certification.recipient.name")).isEqualTo(3);
        assertThat(use(old, "certification.recipient.bank_account")).isEqualTo(1);
        assertThat(use(old, "certification.own_query (proxy)")).isEqualTo(1);

        String fresh = rotation.rotate(KeyCustody.KeyKind.DATA, "security.admin");
        // nothing moved yet, and nothing stops: the lists open values under either key
        assertThat(use(old, "certification.recipient.name")).isEqualTo(3);
        assertThat(lists.page(ListQuery.all(MONTH), 0, 10).entries()).extracting(ListEntry::name)
                .containsExactlyInAnyOrderElementsOf(NAMES);
        while (rotation.resealStep(2) > 0) {
            // batches of two, as the schedule would run them
        }
        assertThat(use(old, "certification.recipient.name")).isZero();
        assertThat(use(old, "certification.recipient.bank_account")).isZero();
        assertThat(use(old, "certification.own_query (proxy)")).isZero();
        assertThat(use(fresh, "certification.recipient.name")).isEqualTo(3);
        assertThat(use(fresh, "certification.own_query (proxy)")).isEqualTo(1);
        assertThat(owner.sql("select count(*) from certification.recipient where substring(name_sealed from 1 for 9) = :p")
                .param("p", SealedValues.keyPrefix(fresh)).query(Long.class).single()).isEqualTo(3);

        // the old key protects nothing now: destroyed, and the names still open under the new one
        rotation.retire(old, "security.admin");
        assertThat(keys.holds(old)).isFalse();
        assertThat(lists.page(ListQuery.all(MONTH), 0, 10).entries()).extracting(ListEntry::name)
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }

    private long use(String keyId, String name) {
        return rotation.status().stream().filter(u -> u.key().id().equals(keyId)).flatMap(u -> u.uses().stream())
                .filter(u -> u.name().equals(name)).mapToLong(KeyRotation.Use::count).sum();
    }
}
