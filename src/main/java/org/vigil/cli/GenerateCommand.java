package org.vigil.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;
import org.vigil.simulator.GenerationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Writes a synthetic city: its ground truth, the agency's records and the departments' monthly files. */
@Allowed(Permission.SESSION)
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a deterministic synthetic city (modelled on Jilin City) with ground truth and department feeds.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--residents", defaultValue = "20000", description = "Number of residents (default: ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--months", defaultValue = "12", description = "Months of feeds (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2026-01", description = "First month of feeds, yyyy-MM (default: ${DEFAULT-VALUE}).")
    YearMonth start;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        GenerationSummary summary = new CityGenerator().generate(new CitySpec(residents, months, seed, start, out));
        out().println(summary.describe());
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
