package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.vigil.certification.RecipientBaseline;
import org.vigil.registry.LoadReport;
import org.vigil.registry.RegistryBaseline;

/**
 * Loads a generated city's agency records (the files under {@code agency/}) through the modules'
 * own baseline APIs. Department feeds are not loaded here: they go through ingestion.
 */
@Component
class CityBaselineLoader {

    static final String MANIFEST = "city.properties";

    private final RegistryBaseline registry;
    private final RecipientBaseline recipients;

    CityBaselineLoader(RegistryBaseline registry, RecipientBaseline recipients) {
        this.registry = registry;
        this.recipients = recipients;
    }

    /** Loads and returns one line per file saying what was added. */
    List<String> load(Path city) {
        if (!Files.exists(city.resolve(MANIFEST))) {
            throw new IllegalArgumentException(city + " holds no complete synthetic city (no " + MANIFEST + ")");
        }
        Path agency = city.resolve("agency");
        List<String> lines = new ArrayList<>();
        lines.add(describe(registry.loadCommunities(agency.resolve("communities.csv"))));
        lines.add(describe(registry.loadPersons(agency.resolve("persons.csv"))));
        lines.add(describe(registry.loadEmployers(agency.resolve("employers.csv"))));
        lines.add(describe(registry.loadEnrollments(agency.resolve("enrollments.csv"))));
        RecipientBaseline.RecipientLoadReport r = recipients.loadRecipients(agency.resolve("recipients.csv"));
        lines.add(describe(new LoadReport(r.file(), r.read(), r.added(), r.present())));
        return lines;
    }

    private static String describe(LoadReport report) {
        return String.format("%-16s %,10d rows read, %,10d added, %,10d already present",
                report.file(), report.read(), report.added(), report.present());
    }
}
