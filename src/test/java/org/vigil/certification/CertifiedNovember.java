package org.vigil.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.identity.ResidentId;
import org.vigil.registry.RegistryBaseline;
import org.vigil.vault.VaultNumbers;
import org.vigil.vault.PersonVault;

/**
 * November 2026 verified, with five recipients in 船营区 (220204), two of them with a phone in the
 * registry: the data the reveal and export tests disclose. The disclosure test classes share one
 * application context and so one database; whichever runs first loads and verifies, the others
 * find the month there.
 */
public final class CertifiedNovember {

    public static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    public static final String DISTRICT = "220204";
    static final String COMMUNITY = "220204001001";
    public static final List<String> IDS = List.of(id(1950, 3, 1, 711), id(1951, 4, 2, 712), id(1952, 5, 3, 713),
            id(1953, 6, 4, 714), id(1954, 7, 5, 715));
    public static final List<String> NAMES = List.of("欧阳春明", "司马秋菊", "诸葛建华", "上官玉兰", "慕容志刚");
    static final String PHONE = "13904321234";

    private CertifiedNovember() {
    }

    public static synchronized void ensure(RecipientBaseline recipients, RegistryBaseline registry,
            MonthlyVerification verification, CertificationLists lists, Path folder) {
        if (lists.run(MONTH).isPresent()) {
            return;
        }
        RecipientFixture fixture = new RecipientFixture();
        String[] certified = {"2026-03-01", "2025-11-15", "2025-12-20", "2026-05-10", null};
        for (int i = 0; i < IDS.size(); i++) {
            fixture.add(IDS.get(i), NAMES.get(i), BenefitKind.ENTERPRISE_PENSION, "2015-01-01", "3000.00", COMMUNITY,
                    DISTRICT, null, certified[i]);
        }
        fixture.load(recipients, folder);
        Path persons = folder.resolve("november-persons.csv");
        try {
            Files.writeString(persons, "id_number,name,gender,birth_date,region_code,address,phone\n"
                    + IDS.get(1) + "," + NAMES.get(1) + ",F,1951-04-02," + COMMUNITY + ",船营区某路1号," + PHONE + "\n"
                    + IDS.get(2) + "," + NAMES.get(2) + ",M,1952-05-03," + COMMUNITY + ",船营区某路2号,13804325678\n",
                    StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.loadPersons(persons);
        verification.verify(MONTH, AS_OF);
    }

    static long recipientId(JdbcClient jdbc, PersonVault vault, String idNumber) {
        return jdbc.sql("select id from certification.recipient where person = :person")
                .param("person", VaultNumbers.of(vault, idNumber)).query(Long.class).single();
    }

    private static String id(int year, int month, int day, int sequence) {
        String first17 = DISTRICT + String.format("%04d%02d%02d%03d", year, month, day, sequence);
        return ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2)).orElseThrow().value();
    }
}
