package org.vigil.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.vigil.simulator.internal.Simulation;

/**
 * Generates a synthetic city: residents, households, employers, enrollments and benefit
 * recipients modelled on Jilin City; their life month by month; the agency's starting records;
 * the ground truth; and the files every department would send about it (see docs/simulator.md).
 * Plain Java, no Spring; thread-safe, and deterministic whatever the number of threads.
 */
public final class CityGenerator {

    private final int threads;

    /** Uses every available processor for writing files. */
    public CityGenerator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CityGenerator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /**
     * Writes the city into {@code spec.out()}. The folder must be absent, empty or hold an earlier
     * city, which is removed first; {@code city.properties} is written last, so its presence means
     * the city is complete.
     *
     * @throws java.io.UncheckedIOException when the folder cannot be written
     * @throws IllegalArgumentException     when the folder holds something other than a city
     */
    public GenerationSummary generate(CitySpec spec) {
        return Simulation.generate(spec, threads);
    }

    /**
     * Whether {@code city} holds a complete city written by this version of the generator; a city
     * from another version may lack files or lay them out differently, and should be generated
     * again.
     */
    public static boolean isCurrent(Path city) {
        Path manifest = city.resolve(Simulation.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        return Simulation.GENERATOR_VERSION.equals(properties.getProperty("generator.version"));
    }
}
