package org.vigil.certification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.vigil.certification.internal.PolicyLoader;

/**
 * Every version of the certification policy, each in force from its date until the next one's
 * (CERT-3). A month is decided under the version in force on its as-of date.
 */
public final class PolicyBook {

    /** The policy shipped with Vigil. */
    public static final String DEFAULT = "certification/policy.yml";
    /** The monthly benchmark's policy (docs/performance.md). */
    public static final String BENCHMARK = "certification/benchmark-policy.yml";

    private final List<CertificationPolicy> versions;

    public PolicyBook(List<CertificationPolicy> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a policy book has at least one version");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(CertificationPolicy::effectiveFrom)).toList();
        for (int i = 1; i < this.versions.size(); i++) {
            if (this.versions.get(i).effectiveFrom().equals(this.versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two policy versions take effect on " + this.versions.get(i).effectiveFrom());
            }
        }
        if (this.versions.stream().map(CertificationPolicy::version).distinct().count() != this.versions.size()) {
            throw new IllegalArgumentException("policy version names are unique");
        }
    }

    /** Reads a policy file from the class path; a problem names the file and the place in it. */
    public static PolicyBook classpath(String resource) {
        try (InputStream in = PolicyBook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no policy file " + resource + " on the class path");
            }
            return new PolicyBook(PolicyLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a policy file, for a dry run of a policy not yet in force. */
    public static PolicyBook file(Path file) throws IOException {
        return new PolicyBook(PolicyLoader.load(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString()));
    }

    /** The version in force on {@code date}. */
    public CertificationPolicy inForceOn(LocalDate date) {
        CertificationPolicy found = null;
        for (CertificationPolicy p : versions) {
            if (!p.effectiveFrom().isAfter(date)) {
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no certification policy was in force on " + date + "; the first takes effect on "
                    + versions.get(0).effectiveFrom());
        }
        return found;
    }

    public List<CertificationPolicy> versions() {
        return versions;
    }
}
