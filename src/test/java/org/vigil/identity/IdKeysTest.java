package org.vigil.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed ID keys and the table they live in: what the exact link (SHARE-6) rests on. */
class IdKeysTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void aKeyUnpacksToTheSameIdIncludingTheCheckCharacterX() {
        List<String> ids = new ArrayList<>();
        for (String first17 : List.of("22020219500302001", "11010519491231002", "82000019900101123",
                "93115620100101001")) {
            ids.add(first17 + ResidentId.checkDigit(first17));
        }
        ids.add(withCheckX("22028319800115"));
        for (String id : ids) {
            long key = IdKeys.of(ResidentId.parse(id, TODAY).orElseThrow());
            assertThat(key).isPositive();
            assertThat(IdKeys.unpack(key)).isEqualTo(id);
        }
    }

    @Test
    void keysOrderAsTheTextDoesWithXAfterNine() {
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence < 300; sequence++) {
            String first17 = "22020219500302" + String.format("%03d", sequence);
            ids.add(first17 + ResidentId.checkDigit(first17));
        }
        assertThat(ids).anyMatch(id -> id.endsWith("X"));
        List<String> byKey = new ArrayList<>(ids);
        byKey.sort(Comparator.comparingLong(id -> IdKeys.of(ResidentId.parse(id, TODAY).orElseThrow())));
        List<String> byText = new ArrayList<>(ids);
        byText.sort(Comparator.naturalOrder());
        assertThat(byKey).isEqualTo(byText);
    }

    private static String withCheckX(String first14) {
        for (int sequence = 0; sequence < 1000; sequence++) {
            String first17 = first14 + String.format("%03d", sequence);
            if (ResidentId.checkDigit(first17) == 'X') {
                return first17 + 'X';
            }
        }
        throw new IllegalStateException("no sequence gives check character X");
    }

    @Test
    void theTableFindsEveryKeyItHoldsAndNoOther() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 100_000;
        IdKeyTable table = new IdKeyTable(n);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // keys that share their leading digits, as IDs of one city do
            long key = 220_202_000_000_000_000L + random.nextLong(1_000_000_000L) * 11;
            if (table.putIfAbsent(key, i)) {
                keys.add(key);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.get(keys.get(i))).isNotNegative();
        }
        // The batched lookup answers as the single one, also for absent keys, key 0 and keys that
        // sit past their first slot (at this fill, about a fifth of them).
        long[] batch = new long[IdKeyTable.BATCH];
        int[] out = new int[(keys.size() / IdKeyTable.BATCH + 3) * IdKeyTable.BATCH];
        int[] expected = new int[out.length];
        for (int from = 0; from < out.length; from += batch.length) {
            for (int i = 0; i < batch.length; i++) {
                int k = from + i;
                batch[i] = k < keys.size() ? keys.get(k) : k % 7 == 0 ? 0 : k * 11L + 3;
                expected[k] = table.get(batch[i]);
            }
            table.getAll(batch, batch.length, out, from);
        }
        assertThat(out).isEqualTo(expected);
        assertThat(expected).contains(-1);

        assertThat(table.putIfAbsent(keys.get(0), -5)).isFalse();
        assertThat(table.get(keys.get(0))).isNotEqualTo(-5);
        assertThat(table.get(1L)).isEqualTo(-1);
        assertThat(table.get(0L)).isEqualTo(-1);
    }

    @org.junit.jupiter.api.Test
    void asciiKeysEqualTheKeysOfParsedIdsAndRefuseAWrongCheckCharacter() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 20);
        for (String id : java.util.List.of("11010519491231002X", "110105194912310021".substring(0, 17) + ResidentId.checkDigit("11010519491231002"),
                "440524188001010014")) {
            ResidentId parsed = ResidentId.parse(id, today).orElseThrow();
            byte[] bytes = ("xx" + id.toLowerCase() + ",").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            org.assertj.core.api.Assertions.assertThat(IdKeys.ofAscii(bytes, 2)).isEqualTo(IdKeys.of(parsed));
            byte[] back = new byte[18];
            IdKeys.writeAscii(IdKeys.of(parsed), back, 0);
            org.assertj.core.api.Assertions.assertThat(new String(back, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(parsed.value());
        }
        byte[] wrong = "110105194912310021".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.assertj.core.api.Assertions.assertThat(IdKeys.ofAscii(wrong, 0)).isZero();
        byte[] letters = "1101051949123100a2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.assertj.core.api.Assertions.assertThat(IdKeys.ofAscii(letters, 0)).isZero();
    }
}
