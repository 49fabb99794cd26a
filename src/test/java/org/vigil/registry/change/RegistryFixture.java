package org.vigil.registry.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.vigil.identity.CreditCode;
import org.vigil.identity.ResidentId;
import org.vigil.registry.RegistryBaseline;

/**
 * Persons and employers of a test's own, put into the registry through the baseline load (the same
 * path the agency's million rows take), with valid ID numbers and credit codes made by the kernel's
 * own check-character rules. Each call makes numbers no other call made in this JVM.
 */
public final class RegistryFixture {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final RegistryBaseline baseline;
    private final RecordHistory history;
    private final Path folder;

    public RegistryFixture(RegistryBaseline baseline, RecordHistory history, Path folder) {
        this.baseline = baseline;
        this.history = history;
        this.folder = folder;
    }

    /** A person as the baseline file has them. */
    public record Person(long id, String idNumber, String name, LocalDate birthDate, String phone) {
    }

    /** An employer as the baseline file has it. */
    public record Employer(long id, String creditCode, String name) {
    }

    /** Loads {@code count} persons born in 1950, living in 吉林市船营区, and returns them in order. */
    public List<Person> persons(int count) {
        List<String> lines = new ArrayList<>(List.of("id_number,name,gender,birth_date,region_code,address,phone"));
        List<String[]> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = NEXT.getAndIncrement();
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n);
            String id = idNumber("220204", birth, 2 * (n % 400) + 1);
            String name = "王" + "建国秀英晓明德华丽娟".charAt(n % 10) + "华";
            String phone = "1380431" + String.format("%04d", n % 10_000);
            lines.add(id + "," + name + ",M," + birth + ",220204001001,吉林市船营区北京路" + n + "号," + phone);
            made.add(new String[] {id, name, birth.toString(), phone});
        }
        baseline.loadPersons(write("persons", lines));
        List<Person> persons = new ArrayList<>();
        for (String[] m : made) {
            ResidentId id = ResidentId.parse(m[0], LocalDate.of(2026, 1, 1)).orElseThrow();
            persons.add(new Person(history.personId(id).orElseThrow(), m[0], m[1], LocalDate.parse(m[2]), m[3]));
        }
        return persons;
    }

    /** Loads one employer registered in 船营区. */
    public Employer employer() {
        String code = creditCode();
        String name = "吉林市船营区测试商贸有限公司" + NEXT.get();
        baseline.loadEmployers(write("employers", List.of("credit_code,name,region_code,registered_on",
                code + "," + name + ",220204,2010-05-04")));
        return new Employer(history.employerId(CreditCode.parse(code).orElseThrow()).orElseThrow(), code, name);
    }

    /** A valid ID number of a man born on {@code birth} whom no other call gave out. */
    public static String freshIdNumber(LocalDate birth) {
        return idNumber("220202", birth, 2 * (NEXT.getAndIncrement() % 400) + 1);
    }

    /** A valid credit code of an enterprise registered in 船营区 that no other call gave out. */
    public static String creditCode() {
        String first17 = "91220204" + String.format("MA%07d", NEXT.getAndIncrement());
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String idNumber(String district, LocalDate birth, int sequence) {
        String first17 = district + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentId.checkDigit(first17);
    }

    private Path write(String what, List<String> lines) {
        try {
            Path file = Files.createTempFile(folder, what, ".csv");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
