package org.vigil.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;

/**
 * The drop-folder door (SHARE-6): a department's system, or its liaison, puts files into
 * {@code <drop>/<provider>/<feed>/}. A file is taken only once it has stopped changing between
 * two looks, so a copy still in progress is never read half-written; names that tools use while
 * writing ({@code .part}, {@code .tmp}, {@code .crdownload}, hidden files) are left alone. A taken
 * file moves to {@code done/} (applied, repeated or held) or to {@code failed/} with a
 * {@code .txt} beside it saying why, in the provider's own folder.
 */
@Component
class DropFolder {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
    static final String DONE = "done";
    static final String FAILED = "failed";

    private final Path root;
    private final DeliveryIngestion ingestion;
    private final Clock clock;
    /** What each waiting file looked like at the last look: size and modification time. */
    private final Map<Path, String> lastSeen = new HashMap<>();

    DropFolder(@Value("${vigil.sharing.drop-dir:var/drop}") Path root, DeliveryIngestion ingestion, Clock clock) {
        this.root = root;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** Takes in every file that has settled since the last look; returns what became of each. */
    synchronized List<DeliveryReport> poll() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<DeliveryReport> reports = new ArrayList<>();
        Map<Path, String> seen = new HashMap<>();
        for (Path file : candidates()) {
            String look = look(file);
            if (!look.equals(lastSeen.get(file))) {
                seen.put(file, look);
                continue;
            }
            reports.add(take(file));
        }
        lastSeen.clear();
        lastSeen.putAll(seen);
        return reports;
    }

    private DeliveryReport take(Path file) {
        Path feedDir = file.getParent();
        String feed = feedDir.getFileName().toString();
        String provider = feedDir.getParent().getFileName().toString();
        LocalDate today = LocalDate.now(clock);
        DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, file, file.getFileName().toString(),
                YearMonth.from(today), today));
        try {
            if (report.status() == DeliveryStatus.REFUSED) {
                Path failed = Files.createDirectories(feedDir.resolve(FAILED));
                Path target = failed.resolve(file.getFileName());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                StringBuilder why = new StringBuilder(report.reason().orElse("")).append(System.lineSeparator());
                report.problems().forEach(p -> why.append(p.describe()).append(System.lineSeparator()));
                Files.writeString(failed.resolve(file.getFileName() + ".txt"), why, StandardCharsets.UTF_8);
            }
            else {
                Path done = Files.createDirectories(feedDir.resolve(DONE));
                Files.move(file, done.resolve(report.deliveryId() + "-" + file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " out of the drop folder", e);
        }
        log.info("Drop folder: {} {} {} → delivery {} {}", provider, feed,
                ResidentId.maskAll(file.getFileName().toString()), report.deliveryId(), report.status());
        return report;
    }

    /** Files directly under {@code <provider>/<feed>/}. */
    private List<Path> candidates() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> providers = Files.list(root)) {
            for (Path provider : providers.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> feeds = Files.list(provider)) {
                    for (Path feed : feeds.filter(Files::isDirectory).sorted().toList()) {
                        try (Stream<Path> inside = Files.list(feed)) {
                            inside.filter(Files::isRegularFile).filter(DropFolder::settledName).sorted().forEach(files::add);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not list the drop folder " + root, e);
        }
        return files;
    }

    private static boolean settledName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp") && !name.endsWith(".crdownload");
    }

    private static String look(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return Files.size(file) + "@" + modified.toMillis();
        }
        catch (IOException e) {
            return "gone";
        }
    }
}
