package org.vigil.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.KeyService;
import org.vigil.governance.StaffRole;
import org.vigil.identity.IdKeys;
import org.vigil.identity.ResidentId;
import org.vigil.registry.change.ChangeActor;
import org.vigil.registry.change.ChangeApplication;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeItem;
import org.vigil.registry.change.ChangeRequest;
import org.vigil.registry.change.ChangeRequests;
import org.vigil.registry.change.ChangeTestConfiguration;
import org.vigil.registry.change.CheckingDepartment;
import org.vigil.registry.change.CrossCheck;
import org.vigil.registry.change.ProposedChange;
import org.vigil.registry.change.RecordHistory;
import org.vigil.registry.change.RegistryFixture;
import org.vigil.runtime.SettableClock;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's personal data at rest (DATA-15, DATA-17, ADR 0035) on real PostgreSQL and real
 * keys: persons loaded from the agency's files and changed through change requests leave no ID
 * number, name, phone, address or e-mail in clear in any registry table, read as the schema's owner
 * would (a dump, a stolen disk); a sealed value moved to another row does not open; history stays
 * readable as of a date; a key rotation moves every sealed column. Its own context and database,
 * because it rotates and destroys keys.
 */
@VigilIntegrationTest
@Import(ChangeTestConfiguration.class)
@TestPropertySource(properties = "vigil.test.context=registry-sealing")
class RegistrySealingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final ChangeActor CLERK = new ChangeActor("clerk.wang", StaffRole.COMMUNITY_WORKER);
    private static final ChangeActor DISTRICT_LI = new ChangeActor("district.li", StaffRole.DISTRICT_OFFICER);
    private static final ChangeActor DISTRICT_ZHAO = new ChangeActor("district.zhao", StaffRole.DISTRICT_OFFICER);
    private static final CrossCheck POLICE = new CrossCheck(CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, "吉公户核〔2026〕7号");

    private final RegistryBaseline baseline;
    private final RecordHistory history;
    private final ChangeRequests changes;
    private final PersonDirectory directory;
    private final PersonContacts contacts;
    private final PersonVault vault;
    private final KeyRotation rotation;
    private final KeyService keys;
    private final SettableClock clock;
    private final JdbcClient app;
    private final TransactionTemplate transactions;
    private final JdbcClient owner;

    private Path folder;

    @Autowired
    RegistrySealingTest(RegistryBaseline baseline, RecordHistory history, ChangeRequests changes,
            PersonDirectory directory, PersonContacts contacts, PersonVault vault, KeyRotation rotation,
            KeyService keys, SettableClock clock, JdbcClient app, TransactionTemplate transactions,
            DataSource dataSource) throws SQLException {
        this.baseline = baseline;
        this.history = history;
        this.changes = changes;
        this.directory = directory;
        this.contacts = contacts;
        this.vault = vault;
        this.rotation = rotation;
        this.keys = keys;
        this.clock = clock;
        this.app = app;
        this.transactions = transactions;
        // the schema's owner, which row-level security and grants do not hold back: what a dump shows
        this.owner = JdbcClient.create(new DriverManagerDataSource(
                dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), "postgres", ""));
    }

    @BeforeEach
    void startOfDay(@TempDir Path tmp) {
        folder = tmp;
        clock.set(ChangeTestConfiguration.START);
    }

    /** A person of the test's own, with every personal field the baseline file carries. */
    private record Loaded(long id, String idNumber, String name, String address, String phone) {
    }

    private List<Loaded> load(String region, String... names) {
        List<String> lines = new ArrayList<>(List.of("id_number,name,gender,birth_date,region_code,address,phone"));
        List<String[]> made = new ArrayList<>();
        for (String name : names) {
            LocalDate birth = LocalDate.of(1948, 2, 1).plusDays(made.size() + names.length * 31L);
            String id = RegistryFixture.freshIdNumber(birth);
            String address = "吉林市丰满区吉林大街" + (100 + made.size() + id.substring(14, 17)) + "号";
            String phone = "1590432" + id.substring(13, 17);
            lines.add(id + "," + name + ",M," + birth + "," + region + "," + address + "," + phone);
            made.add(new String[] {id, name, address, phone});
        }
        baseline.loadPersons(write("persons", lines));
        List<Loaded> loaded = new ArrayList<>();
        for (String[] m : made) {
            long id = history.personId(ResidentId.parse(m[0], TODAY).orElseThrow()).orElseThrow();
            loaded.add(new Loaded(id, m[0], m[1], m[2], m[3]));
        }
        return loaded;
    }

    @Test
    void data15_noIdNumberNamePhoneAddressOrEmailOfALoadedOrChangedPersonIsInAnyRegistryTableInClear() {
        List<Loaded> persons = load("220204001001", "欧阳明哲", "上官婉清");
        Loaded a = persons.get(0);
        Loaded b = persons.get(1);
        baseline.loadEnrollments(write("enrollments", List.of("id_number,scheme,credit_code,start_date,end_date",
                a.idNumber() + ",RESIDENT_PENSION,,2010-01-01,", b.idNumber() + ",RESIDENT_MEDICAL,,2011-01-01,")));
        // through a change request too: an e-mail and a new phone at once, a name and an ID number by review
        String email = "ouyang.mingzhe@example.cn";
        String newPhone = "13604321234";
        String newName = "欧阳明德";
        LocalDate newBirth = LocalDate.of(1948, 2, 1).plusDays(4 + 31 * 2);
        String newId = RegistryFixture.freshIdNumber(newBirth);
        changes.apply(CLERK, new ChangeApplication("联系方式", List.of(
                new ProposedChange(a.id(), ChangeField.PERSON_EMAIL, email),
                new ProposedChange(a.id(), ChangeField.PERSON_PHONE, newPhone))));
        ChangeRequest r = changes.apply(CLERK, new ChangeApplication("户籍信息更正", List.of(
                new ProposedChange(a.id(), ChangeField.PERSON_NAME, newName),
                new ProposedChange(a.id(), ChangeField.PERSON_ID_NUMBER, newId),
                new ProposedChange(a.id(), ChangeField.PERSON_BIRTH_DATE, newBirth.toString()))));
        changes.approve(r.id(), DISTRICT_LI, POLICE);
        changes.modify(r.id(), DISTRICT_ZHAO);
        assertThat(history.person(a.id())).hasValueSatisfying(p -> {
            assertThat(p.idNumber()).isEqualTo(newId);
            assertThat(p.name()).isEqualTo(newName);
            assertThat(p.email()).isEqualTo(email);
            assertThat(p.phone()).isEqualTo(newPhone);
            assertThat(p.address()).isEqualTo(a.address());
        });

        List<String> secrets = new ArrayList<>();
        for (Loaded p : persons) {
            secrets.addAll(List.of(p.idNumber(), p.idNumber().substring(0, 17), p.name(), p.address(), p.phone(),
                    Long.toString(IdKeys.ofAscii(p.idNumber().getBytes(StandardCharsets.US_ASCII), 0))));
        }
        secrets.addAll(List.of(newId, newId.substring(0, 17), newName, newPhone, email, "ouyang"));
        String text = registryText();
        assertThat(text).as("the registry's rows were read").contains("RESIDENT_PENSION").contains("户籍信息更正");
        for (String secret : secrets) {
            assertThat(text).as("no table holds %s in clear", secret).doesNotContain(secret);
        }
    }

    @Test
    void data15_aSealedNameMovedToAnotherPersonOrColumnDoesNotOpen() {
        List<Loaded> persons = load("220204001001", "赫连春生", "慕容秋月");
        Loaded a = persons.get(0);
        Loaded b = persons.get(1);
        byte[] original = owner.sql("select name from registry.person where id = :id").param("id", b.id())
                .query((rs, i) -> rs.getBytes(1)).single();
        try {
            // an administrator with the tables but not the keys copies A's sealed name onto B
            owner.sql("update registry.person set name = (select name from registry.person where id = :a) where id = :b")
                    .param("a", a.id()).param("b", b.id()).update();
            assertThatThrownBy(() -> history.person(b.id())).satisfies(RegistrySealingTest::tampered);
            assertThatThrownBy(directory::snapshot).satisfies(RegistrySealingTest::tampered);
            assertThat(history.person(a.id())).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(a.name()));
        }
        finally {
            owner.sql("update registry.person set name = :v where id = :b").param("v", original).param("b", b.id()).update();
        }
        // within one row: B's sealed name as B's phone does not open either
        owner.sql("update registry.person set phone = name where id = :b").param("b", b.id()).update();
        try {
            assertThatThrownBy(() -> history.person(b.id())).satisfies(RegistrySealingTest::tampered);
        }
        finally {
            owner.sql("update registry.person set phone = null where id = :b").param("b", b.id()).update();
        }
        assertThat(history.person(b.id())).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(b.name()));
    }

    @Test
    void data15_aPersonChangedThroughARequestKeepsHistorySealedAndReadableAsOfADate() {
        Loaded p = load("220204001001", "宇文晓燕").get(0);
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(5)));
        ChangeRequest phone = changes.apply(CLERK, new ChangeApplication("换号",
                List.of(new ProposedChange(p.id(), ChangeField.PERSON_PHONE, "13704329876"))));
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(10)));
        ChangeRequest name = changes.apply(CLERK, new ChangeApplication("改名",
                List.of(new ProposedChange(p.id(), ChangeField.PERSON_NAME, "宇文晓红"))));
        changes.approve(name.id(), DISTRICT_LI, POLICE);
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(12)));
        changes.modify(name.id(), DISTRICT_ZHAO);

        assertThat(history.personAsOf(p.id(), TODAY)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.name()).isEqualTo("宇文晓燕");
            assertThat(v.phone()).isEqualTo(p.phone());
            assertThat(v.address()).isEqualTo(p.address());
            assertThat(v.idNumber()).isEqualTo(p.idNumber());
        });
        assertThat(history.personAsOf(p.id(), TODAY.plusDays(7))).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.name()).isEqualTo("宇文晓燕");
            assertThat(v.phone()).isEqualTo("13704329876");
        });
        assertThat(history.personAsOf(p.id(), TODAY.plusDays(12))).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(3);
            assertThat(v.name()).isEqualTo("宇文晓红");
            assertThat(v.phone()).isEqualTo("13704329876");
        });
        // the requests show what they changed, opened for the staff who decide on them
        assertThat(changes.find(phone.id()).orElseThrow().items()).singleElement()
                .isEqualTo(new ChangeItem(p.id(), ChangeField.PERSON_PHONE, p.phone(), "13704329876"));
        assertThat(changes.find(name.id()).orElseThrow().items()).singleElement()
                .isEqualTo(new ChangeItem(p.id(), ChangeField.PERSON_NAME, "宇文晓燕", "宇文晓红"));

        String versions = tableText("person_version") + tableText("change_item");
        assertThat(versions).contains("PERSON_NAME");
        for (String secret : List.of("宇文晓燕", "宇文晓红", "13704329876", p.phone(), p.address(), p.idNumber())) {
            assertThat(versions).as("history and requests hold %s only sealed", secret).doesNotContain(secret);
        }
    }

    @Test
    void data3_enrollmentsStillFollowTheirPersonsJurisdiction() {
        Loaded inChuanying = load("220204001001", "东方红梅").get(0);
        Loaded inChangyi = load("220202001001", "司马德福").get(0);
        baseline.loadEnrollments(write("enrollments", List.of("id_number,scheme,credit_code,start_date,end_date",
                inChuanying.idNumber() + ",NCMS,,2009-01-01,", inChangyi.idNumber() + ",NCMS,,2009-01-01,")));
        long chuanying = number(inChuanying.idNumber());
        long changyi = number(inChangyi.idNumber());
        List<Long> seen = transactions.execute(t -> {
            app.sql("select set_config('vigil.scope', 'R:220204', true)").query(String.class).single();
            return app.sql("select person from registry.enrollment where person in (:a, :b)")
                    .param("a", chuanying).param("b", changyi).query(Long.class).list();
        });
        assertThat(seen).containsExactly(chuanying);
    }

    @Test
    void data17_aKeyRotationMovesEveryRegistrySealedColumnAndTheOldKeyCanGo() {
        Loaded p = load("220204001001", "独孤永胜").get(0);
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(3)));
        changes.apply(CLERK, new ChangeApplication("邮箱", List.of(
                new ProposedChange(p.id(), ChangeField.PERSON_EMAIL, "dugu@example.cn"))));
        String oldKey = keys.currentDataKey();
        List<String> columns = List.of("registry.person.name", "registry.person.address", "registry.person.phone",
                "registry.person.email", "registry.person_version.name", "registry.person_version.address",
                "registry.person_version.phone", "registry.person_version.email", "registry.change_item.old_value",
                "registry.change_item.new_value");
        for (String column : columns) {
            if (!column.equals("registry.change_item.old_value")) {
                assertThat(use(oldKey, column)).as(column).isPositive();
            }
        }

        rotation.rotate(KeyCustody.KeyKind.DATA, "security.admin");
        while (rotation.resealStep(3) > 0) {
            // small batches, as the schedule runs them
        }
        for (String column : columns) {
            assertThat(use(oldKey, column)).as(column).isZero();
        }
        rotation.retire(oldKey, "security.admin");
        assertThat(keys.holds(oldKey)).isFalse();

        assertThat(history.person(p.id())).hasValueSatisfying(v -> {
            assertThat(v.name()).isEqualTo("独孤永胜");
            assertThat(v.email()).isEqualTo("dugu@example.cn");
            assertThat(v.address()).isEqualTo(p.address());
        });
        assertThat(history.personAsOf(p.id(), TODAY)).hasValueSatisfying(v -> assertThat(v.email()).isNull());
        assertThat(contacts.phones(List.of(p.idNumber()))).containsEntry(p.idNumber(), p.phone());
        PersonIndex index = directory.snapshot();
        int i = index.indexOf(ResidentId.parse(p.idNumber(), TODAY).orElseThrow());
        assertThat(index.name(i)).isEqualTo("独孤永胜");
        assertThat(index.personNumber(i)).isEqualTo(number(p.idNumber()));
    }

    /** The refusal is the key service's: the value does not open where it now is. */
    private static void tampered(Throwable thrown) {
        Throwable t = thrown;
        while (t != null && !(t instanceof KeyService.TamperedException)) {
            t = t.getCause();
        }
        assertThat(t).as("a TamperedException in %s", thrown.toString()).isNotNull();
    }

    private long number(String idNumber) {
        return vault.find(IdKeys.ofAscii(idNumber.getBytes(StandardCharsets.US_ASCII), 0)).orElseThrow();
    }

    private long use(String keyId, String name) {
        return rotation.status().stream().filter(u -> u.key().id().equals(keyId)).flatMap(u -> u.uses().stream())
                .filter(u -> u.name().equals(name)).mapToLong(KeyRotation.Use::count).sum();
    }

    /** Every row of every registry table as the owner reads it, byte values as UTF-8 and Latin-1 text. */
    private String registryText() {
        StringBuilder all = new StringBuilder();
        for (String table : owner.sql("select tablename from pg_tables where schemaname = 'registry' order by 1")
                .query(String.class).list()) {
            all.append(tableText(table));
        }
        return all.toString();
    }

    private String tableText(String table) {
        String select = owner.sql("select format('select * from registry.%I', cast(:t as text))").param("t", table)
                .query(String.class).single();
        StringBuilder text = new StringBuilder(table).append('\n');
        owner.sql(select).query((ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                if (value instanceof byte[] bytes) {
                    text.append(new String(bytes, StandardCharsets.UTF_8)).append('|')
                            .append(new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                }
                else {
                    text.append(rs.getString(c)).append('|');
                }
            }
            text.append('\n');
        });
        return text.toString();
    }

    private Path write(String what, List<String> lines) {
        try {
            Path file = Files.createTempFile(folder, what, ".csv");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
