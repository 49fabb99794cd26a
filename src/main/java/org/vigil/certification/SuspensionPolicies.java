package org.vigil.certification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.vigil.certification.internal.SuspensionPolicyLoader;

/** Every version of the suspension policy, each in force from its date until the next one's. */
public final class SuspensionPolicies {

    /** The policy shipped with Vigil. */
    public static final String DEFAULT = "certification/suspension-policy.yml";

    private final List<SuspensionPolicy> versions;

    public SuspensionPolicies(List<SuspensionPolicy> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a suspension policy has at least one version");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(SuspensionPolicy::effectiveFrom)).toList();
        for (int i = 1; i < this.versions.size(); i++) {
            if (this.versions.get(i).effectiveFrom().equals(this.versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two suspension policy versions take effect on "
                        + this.versions.get(i).effectiveFrom());
            }
        }
    }

    /** Reads a policy file from the class path; a problem names the file, the version and the field. */
    public static SuspensionPolicies classpath(String resource) {
        try (InputStream in = SuspensionPolicies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no suspension policy file " + resource + " on the class path");
            }
            return new SuspensionPolicies(SuspensionPolicyLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    resource));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version in force on {@code date}. */
    public SuspensionPolicy inForceOn(LocalDate date) {
        SuspensionPolicy found = null;
        for (SuspensionPolicy p : versions) {
            if (!p.effectiveFrom().isAfter(date)) {
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no suspension policy was in force on " + date + "; the first takes effect on "
                    + versions.get(0).effectiveFrom());
        }
        return found;
    }

    public List<SuspensionPolicy> versions() {
        return versions;
    }
}
