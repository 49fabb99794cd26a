package org.vigil.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * What really happened in a synthetic city, read back from its {@code truth/} files, so Vigil's
 * decisions can be scored against it: each recipient's state at the end of every feed month, and
 * every death with the month a department first reported it.
 */
public final class GroundTruth {

    /**
     * A recipient at a month's end.
     *
     * @param lossReason  DEATH, CUSTODY, or a dependent's loss (ADOPTED, REMARRIED, EMPLOYED,
     *                    ENLISTED, AGE_LIMIT); none while eligible
     * @param lossSince   the day the right ended
     * @param inAgency    false for recipients the agency had already stopped paying
     */
    public record Recipient(String idNumber, String benefitKind, boolean inAgency, boolean alive, LocalDate deathDate,
            String lossReason, LocalDate lossSince, boolean fraud) {

        /** Whether the right had ended on {@code date}. */
        public boolean lostOn(LocalDate date) {
            return lossReason != null && !lossSince.isAfter(date);
        }
    }

    /** A stay in custody from its start to its release (none: still inside), both days in custody. */
    public record Custody(String idNumber, LocalDate start, LocalDate release) {
        public boolean covers(LocalDate date) {
            return !start.isAfter(date) && (release == null || release.isAfter(date));
        }
    }

    /** A death, and when departments first reported it (none: never reported). */
    public record Death(String idNumber, LocalDate date, YearMonth firstReported, boolean singleSource, boolean fraud) {
    }

    private final Path city;
    private final Map<String, Death> deaths;
    private final Map<String, List<Custody>> custody;

    private GroundTruth(Path city, Map<String, Death> deaths, Map<String, List<Custody>> custody) {
        this.city = city;
        this.deaths = deaths;
        this.custody = custody;
    }

    public static GroundTruth of(Path city) {
        Map<String, Death> deaths = new HashMap<>();
        read(city.resolve("truth/deaths.csv"), r -> {
            String first = r.getField("first_report_month");
            deaths.put(r.getField("id_number"), new Death(r.getField("id_number"), LocalDate.parse(r.getField("death_date")),
                    first.isEmpty() ? null : YearMonth.parse(first), Boolean.parseBoolean(r.getField("single_source")),
                    !r.getField("fraud").isEmpty() && !"false".equals(r.getField("fraud"))));
        });
        Map<String, List<Custody>> custody = new HashMap<>();
        read(city.resolve("truth/custody.csv"), r -> custody.computeIfAbsent(r.getField("id_number"), k -> new ArrayList<>())
                .add(new Custody(r.getField("id_number"), LocalDate.parse(r.getField("custody_start")),
                        date(r.getField("released_on")))));
        return new GroundTruth(city, deaths, custody);
    }

    /** The months the city has truth for, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        try (var dirs = Files.list(city.resolve("truth"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("recipients.csv")))
                    .forEach(d -> months.add(YearMonth.parse(d.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        months.sort(null);
        return months;
    }

    /** Every recipient at the end of {@code month}, keyed by ID number and benefit kind. */
    public Map<String, Recipient> recipients(YearMonth month) {
        Map<String, Recipient> out = new HashMap<>();
        read(city.resolve("truth/" + month + "/recipients.csv"), r -> {
            String reason = r.getField("reason");
            Recipient recipient = new Recipient(r.getField("id_number"), r.getField("benefit_kind"),
                    Boolean.parseBoolean(r.getField("in_agency")), Boolean.parseBoolean(r.getField("alive")),
                    date(r.getField("death_date")), reason.isEmpty() ? null : reason, date(r.getField("reason_since")),
                    !r.getField("fraud").isEmpty() && !"false".equals(r.getField("fraud")));
            out.put(key(recipient.idNumber(), recipient.benefitKind()), recipient);
        });
        return out;
    }

    public Map<String, Death> deaths() {
        return deaths;
    }

    /**
     * Why a recipient had no right on {@code date}, and since when; none while entitled. The month
     * files give the state at the month's end; a death, a stay in custody or a dependent's loss is
     * dated, so the state on a day inside the month is known too.
     */
    public java.util.Optional<Loss> lossOn(Recipient r, LocalDate date) {
        if (r.deathDate() != null && !r.deathDate().isAfter(date)) {
            return java.util.Optional.of(new Loss("DEATH", r.deathDate()));
        }
        for (Custody c : custody.getOrDefault(r.idNumber(), List.of())) {
            if (c.covers(date)) {
                return java.util.Optional.of(new Loss("CUSTODY", c.start()));
            }
        }
        if (r.lossReason() != null && !"DEATH".equals(r.lossReason()) && !"CUSTODY".equals(r.lossReason())
                && !r.lossSince().isAfter(date)) {
            return java.util.Optional.of(new Loss(r.lossReason(), r.lossSince()));
        }
        return java.util.Optional.empty();
    }

    /** A lost right: the reason and the day it ended. */
    public record Loss(String reason, LocalDate since) {
    }

    /** How recipients are keyed: one person may hold two benefits. */
    public static String key(String idNumber, String benefitKind) {
        return idNumber + "/" + benefitKind;
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static void read(Path file, Consumer<NamedCsvRecord> row) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
            reader.forEach(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
