package org.vigil.vault;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.KeyService;
import org.vigil.identity.IdKeys;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vault (DATA-15, DATA-17, ADR 0035) on real PostgreSQL and real key files: ID numbers are
 * stored only sealed, found by their blind index, moved to new keys while lookups go on, and made
 * unreadable for good by destroying the old key. Its own context, because it rotates and destroys
 * keys.
 */
@VigilIntegrationTest
@TestPropertySource(properties = "vigil.test.context=vault-rotation")
class PersonVaultTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final PersonVault vault;
    private final KeyRotation rotation;
    private final KeyService keys;
    private final JdbcClient owner;

    @Autowired
    PersonVaultTest(PersonVault vault, KeyRotation rotation, KeyService keys, DataSource dataSource) throws SQLException {
        this.vault = vault;
        this.rotation = rotation;
        this.keys = keys;
        this.owner = JdbcClient.create(new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "postgres", ""));
    }

    /** The key of the ID number whose first 17 characters these are, with its own check character. */
    private static long key(String first17) {
        return IdKeys.of(ResidentId.parse(id(first17), TODAY).orElseThrow());
    }

    private static String id(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    @Test
    void data15_idNumbersAreStoredOnlySealedAndAPersonKeepsOneNumber() {
        long a = key("11010519491231002");
        long b = key("11010519491231003");
        long[] out = new long[3];
        vault.numbersOf(new long[] {a, 0, b}, 3, out);
        assertThat(out[0]).isPositive();
        assertThat(out[1]).isZero();
        assertThat(out[2]).isPositive().isNotEqualTo(out[0]);
        assertThat(vault.numberOf(a)).isEqualTo(out[0]);
        assertThat(vault.find(b)).contains(out[2]);
        assertThat(vault.idNumber(out[0])).isEqualTo(id("11010519491231002"));

        // nothing in the vault's tables reads as an ID number, in any encoding
        List<byte[]> stored = owner.sql("select id_sealed from vault.person").query((rs, i) -> rs.getBytes(1)).list();
        assertThat(stored).isNotEmpty();
        for (byte[] s : stored) {
            assertThat(new String(s, StandardCharsets.ISO_8859_1)).doesNotContain("110105");
        }
        String dump = owner.sql("select string_agg(encode(digest, 'escape') || ':' || number, ',') from vault.id_index")
                .query(String.class).single();
        assertThat(dump).doesNotContain("110105");
    }

    @Test
    void data15_anIdNumberTheVaultNeverSawIsNotFoundAndNotRecordedByLooking() {
        long c = key("11010519500101001");
        assertThat(vault.find(c)).isEqualTo(Optional.empty());
        assertThat(vault.find(c)).isEmpty();
        assertThatThrownBy(() -> vault.idNumber(9_999_999)).isInstanceOf(PersonVault.UnknownPersonException.class);
    }

    @Test
    void data15_aSealedIdMovedToAnotherPersonDoesNotOpen() {
        long d = vault.numberOf(key("11010519520202001"));
        long e = vault.numberOf(key("11010519530303001"));
        // an administrator swaps two sealed values; a fresh process (no map) must refuse them
        byte[] original = owner.sql("select id_sealed from vault.person where number = :e").param("e", e)
                .query((rs, i) -> rs.getBytes(1)).single();
        owner.sql("update vault.person set id_sealed = (select id_sealed from vault.person where number = :d) where number = :e")
                .param("d", d).param("e", e).update();
        JdbcClient app = owner;
        byte[] swapped = app.sql("select id_sealed from vault.person where number = :e").param("e", e)
                .query((rs, i) -> rs.getBytes(1)).single();
        assertThatThrownBy(() -> new org.vigil.governance.SealedValues(keys).open("vault.person.id_sealed", e, swapped))
                .isInstanceOf(KeyService.TamperedException.class);
        owner.sql("update vault.person set id_sealed = :v where number = :e").param("v", original).param("e", e).update();
    }

    @Test
    void data17_rotationMovesEverythingToTheNewKeysWithoutLosingAPersonAndTheOldKeyIsThenDestroyed() {
        long[] ids = {key("11010519600101001"), key("11010519610101001"), key("11010519620101001")};
        long[] before = new long[ids.length];
        vault.numbersOf(ids, ids.length, before);
        String oldData = keys.currentDataKey();
        String oldMac = keys.currentMacKey();

        String newData = rotation.rotate(KeyCustody.KeyKind.DATA, "security.admin");
        String newMac = rotation.rotate(KeyCustody.KeyKind.MAC, "security.admin");
        assertThat(keys.currentDataKey()).isEqualTo(newData).isNotEqualTo(oldData);
        assertThat(keys.currentMacKey()).isEqualTo(newMac).isNotEqualTo(oldMac);

        // mid-rotation: old index rows still find old persons, new persons go under the new keys
        long late = vault.numberOf(key("11010519630101001"));
        assertThat(vault.find(ids[1])).contains(before[1]);
        assertThat(use(oldData, "vault.person.id_sealed")).isPositive();

        // the audit chain's MACs keep the old MAC key held: it is never moved
        assertThatThrownBy(() -> rotation.retire(oldData, "security.admin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vault.person.id_sealed");

        while (rotation.resealStep(2) > 0) {
            // batches of two, as the schedule would run them
        }
        assertThat(use(oldData, "vault.person.id_sealed")).isZero();
        assertThat(use(oldMac, "vault.id_index")).isZero();
        long[] after = new long[ids.length];
        vault.numbersOf(ids, ids.length, after);
        assertThat(after).containsExactly(before);
        assertThat(vault.idNumber(late)).isEqualTo(id("11010519630101001"));

        // the old data key protects nothing now (audit rows use MAC keys): destroyed, and recorded
        long recorded = keyEvents();
        rotation.retire(oldData, "security.admin");
        assertThat(keys.holds(oldData)).isFalse();
        assertThat(keyEvents()).isEqualTo(recorded + 1);
        assertThatThrownBy(() -> rotation.retire(newData, "security.admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void data17_aValueSealedUnderADestroyedKeyCanNeverBeOpenedAgain() {
        org.vigil.governance.SealedValues sealed = new org.vigil.governance.SealedValues(keys);
        byte[] value = sealed.seal("test.place", 7, "张三");
        String under = org.vigil.governance.SealedValues.keyId(value);
        rotation.rotate(KeyCustody.KeyKind.DATA, "security.admin");
        assertThat(sealed.open("test.place", 7, value)).isEqualTo("张三");
        // as a disk sent for scrapping would be: the value copied out, its key destroyed once the
        // vault's own values have moved off it
        while (rotation.resealStep(100) > 0) {
            // until nothing is left under old keys
        }
        rotation.retire(under, "security.admin");
        assertThatThrownBy(() -> sealed.open("test.place", 7, value)).isInstanceOf(KeyService.UnknownKeyException.class);
    }

    private long keyEvents() {
        return owner.sql("select count(*) from governance.audit_event where action = 'KEY_MANAGEMENT'")
                .query(Long.class).single();
    }

    private long use(String keyId, String name) {
        return rotation.status().stream().filter(u -> u.key().id().equals(keyId)).flatMap(u -> u.uses().stream())
                .filter(u -> u.name().equals(name)).mapToLong(KeyRotation.Use::count).sum();
    }

}
