package org.vigil.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benefit recipients for tests, written as the agency's recipients file and loaded through the
 * baseline API, so they are stored exactly as a real load stores them.
 */
public final class RecipientFixture {

    static final String HEADER = "id_number,name,benefit_kind,relation,deceased_worker_id,benefit_start,monthly_amount,"
            + "bank_account,region_code,paying_region_code,employer_credit_code,last_certified,over_80,sick,disabled";

    private final List<String> rows = new ArrayList<>();

    /** A pension or benefit that is not a dependent's. */
    public RecipientFixture add(String id, String name, BenefitKind kind, String benefitStart, String amount,
            String region, String paying, String employer, String lastCertified) {
        rows.add(String.join(",", id, name, kind.name(), "", "", benefitStart, amount, "", region, paying,
                employer == null ? "" : employer, lastCertified == null ? "" : lastCertified, "false", "false", "false"));
        return this;
    }

    /** Loads the rows added so far; every one must be new. */
    public void load(RecipientBaseline baseline, Path folder) {
        Path file = folder.resolve("recipients-" + System.nanoTime() + ".csv");
        try {
            Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RecipientBaseline.RecipientLoadReport report = baseline.loadRecipients(file);
        if (report.added() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " new recipients, added " + report.added());
        }
    }
}
