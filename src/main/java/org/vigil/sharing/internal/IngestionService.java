package org.vigil.sharing.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;
import org.vigil.sharing.DeliveryApplied;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.FeedDefinition;
import org.vigil.sharing.catalogue.HeaderMapping;
import org.vigil.sharing.catalogue.HeaderProblems;
import org.vigil.sharing.catalogue.HeaderResolution;
import org.vigil.sharing.catalogue.ResolvedHeader;
import org.vigil.sharing.reading.DeliveryFiles;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.sharing.reading.TableSource;
import org.vigil.sharing.quality.GateDecision;
import org.vigil.sharing.quality.QualityGate;

/**
 * The ingestion pipeline. The raw file is stored before anything else, so even a refused delivery
 * can be looked at; everything after reading happens in memory and then in one transaction
 * ({@link DeliveryStore}), so a crash leaves nothing applied and the same run can simply be
 * repeated.
 */
@Service
class IngestionService implements DeliveryIngestion {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    static final int REVIEW_CANDIDATES = 5;

    private final FeedCatalogue catalogue;
    private final ProviderTerms terms;
    private final Supplier<PersonLookup> persons;
    private final DeliveryStore store;
    private final RawFileStore raw;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int threads;
    private final ReadLimits limits;
    private final Optional<QualityGate> gate;

    @Autowired
    IngestionService(ProviderTerms terms, PersonLookups persons, DeliveryStore store, ApplicationEventPublisher events,
            Clock clock, @Value("${vigil.sharing.raw-dir:var/deliveries}") Path rawDir,
            @Value("${vigil.sharing.read-threads:2}") int threads, ObjectProvider<QualityGate> gate) {
        this(FeedCatalogue.standard(), terms, persons::current, store, new RawFileStore(rawDir), events, clock, threads,
                ReadLimits.standard(), Optional.ofNullable(gate.getIfAvailable()));
    }

    IngestionService(FeedCatalogue catalogue, ProviderTerms terms, Supplier<PersonLookup> persons, DeliveryStore store,
            RawFileStore raw, ApplicationEventPublisher events, Clock clock, int threads, ReadLimits limits,
            Optional<QualityGate> gate) {
        this.gate = gate;
        this.catalogue = catalogue;
        this.terms = terms;
        this.persons = persons;
        this.store = store;
        this.raw = raw;
        this.events = events;
        this.clock = clock;
        this.threads = Math.max(1, threads);
        this.limits = limits;
    }

    @Override
    public DeliveryReport ingest(DeliveryRequest request) {
        RawFileStore.StoredFile stored = raw.store(request.file());
        DeliveryStore.Header header = header(request.provider(), request.feed(), request.fileName(), stored,
                request.dataMonth(), request.asOf(), null, null);
        Optional<FeedDefinition> feed = catalogue.find(request.feed());
        if (feed.isEmpty()) {
            return refuse(header, "目录中没有数据项 " + request.feed() + " / the catalogue has no feed " + request.feed(), List.of());
        }
        Optional<DeliveryReport> repeat = repeat(request.provider(), request.feed(), request.dataMonth(), stored.sha256());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Optional<String> refusal = terms.refusal(request.provider(), request.feed(), request.asOf());
        if (refusal.isPresent()) {
            return refuse(header, refusal.get(), List.of());
        }
        Read read = read(header, feed.get(), stored.path());
        if (read.refusal() != null) {
            return read.refusal();
        }
        DeliveryResult result = read.result();
        DeliveryCounts counts = DeliveryStore.counts(result, 0, 0);
        GateDecision decision = gate.map(g -> g.judge(request.provider(), request.feed(), request.dataMonth(), counts))
                .orElse(GateDecision.PASS);
        if (decision.hold()) {
            String reasons = String.join("; ", decision.reasons());
            Optional<Long> held = store.hold(read.header(), result, reasons);
            if (held.isEmpty()) {
                return repeat(request.provider(), request.feed(), request.dataMonth(), stored.sha256()).orElseThrow();
            }
            log.info("Delivery {} held: {} {} {}: {}", held.get(), request.provider(), request.feed(), request.fileName(),
                    reasons);
            return new DeliveryReport(held.get(), DeliveryStatus.QUARANTINED, Optional.of(reasons), List.of(),
                    stored.sha256(), counts);
        }
        Optional<DeliveryStore.Applied> applied = store.apply(read.header(), result, reviews(read.lookup(), result));
        if (applied.isEmpty()) {
            return repeat(request.provider(), request.feed(), request.dataMonth(), stored.sha256()).orElseThrow();
        }
        return applied(applied.get(), read.header(), result);
    }

    @Override
    public DeliveryReport release(long deliveryId, String officer, String reason) {
        requireDecision(officer, reason);
        DeliveryStore.Held held = store.held(deliveryId)
                .orElseThrow(() -> new IllegalStateException("delivery " + deliveryId + " is not held"));
        FeedDefinition feed = catalogue.find(held.feed())
                .orElseThrow(() -> new IllegalStateException("the catalogue no longer has feed " + held.feed()));
        Path file = raw.pathOf(held.sha256());
        RawFileStore.StoredFile stored = new RawFileStore.StoredFile(held.sha256(), sizeOf(file), file);
        DeliveryStore.Header header = header(held.provider(), held.feed(), held.fileName(), stored, held.dataMonth(),
                held.asOf(), null, null);
        Read read = read(header, feed, file);
        if (read.refusal() != null) {
            throw new IllegalStateException("the stored file of delivery " + deliveryId + " no longer reads: "
                    + read.refusal().reason().orElse(""));
        }
        DeliveryStore.Applied applied = store.release(deliveryId, read.header(), read.result(),
                reviews(read.lookup(), read.result()), officer, reason);
        log.info("Delivery {} released by {}: {}", deliveryId, officer, reason);
        return applied(applied, read.header(), read.result());
    }

    @Override
    public void discard(long deliveryId, String officer, String reason) {
        requireDecision(officer, reason);
        store.discard(deliveryId, officer, reason, clock.instant());
        log.info("Delivery {} discarded by {}: {}", deliveryId, officer, reason);
    }

    private static void requireDecision(String officer, String reason) {
        if (officer == null || officer.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision on a held delivery needs the officer and a reason");
        }
    }

    /** The outcome of reading: the result, or the refusal when the file or its header would not do. */
    private record Read(DeliveryStore.Header header, DeliveryResult result, PersonLookup lookup, DeliveryReport refusal) {
    }

    private Read read(DeliveryStore.Header header, FeedDefinition feed, Path file) {
        try (TableSource source = DeliveryFiles.open(file, header.fileName(), limits)) {
            DeliveryStore.Header detected = new DeliveryStore.Header(header.provider(), header.feed(), header.fileName(),
                    header.sha256(), header.size(), source.format().format().name(),
                    source.format().encoding() == null ? null : source.format().encoding().name(), header.dataMonth(),
                    header.asOf(), header.receivedAt(), header.catalogueVersion(),
                    terms.ageFilter(header.provider(), header.feed()));
            HeaderResolution resolution = HeaderMapping.resolve(feed, source.header(),
                    terms.columnAliases(header.provider(), header.feed()), header.fileName(), source.headerRow());
            if (resolution instanceof HeaderProblems problems) {
                return new Read(detected, null, null, refuse(detected,
                        "表头与数据项不符 / the header does not fit feed " + header.feed(), problems.problems()));
            }
            PersonLookup lookup = persons.get();
            RowInterpreter interpreter = new RowInterpreter(feed, (ResolvedHeader) resolution, source.header(),
                    header.asOf(), detected.ageFilter(), lookup);
            List<SinkResult> sinks = Collections.synchronizedList(new ArrayList<>());
            source.read(threads, () -> {
                SinkResult sink = new SinkResult(interpreter);
                sinks.add(sink);
                return sink;
            });
            return new Read(detected, new DeliveryResult(sinks), lookup, null);
        }
        catch (BadInputException e) {
            return new Read(header, null, null,
                    refuse(header, "文件无法读取 / the file cannot be read: " + e.getMessage(), e.problems()));
        }
    }

    private Optional<DeliveryReport> repeat(String provider, String feed, YearMonth month, String sha256) {
        return store.existing(provider, feed, month, sha256).map(e -> e.status() == DeliveryStatus.QUARANTINED
                ? new DeliveryReport(e.id(), DeliveryStatus.QUARANTINED,
                        Optional.of("同一文件已被暂扣，待审核 / the same file is already held: " + e.reason()), List.of(),
                        sha256, DeliveryCounts.NONE)
                : new DeliveryReport(e.id(), DeliveryStatus.ALREADY_APPLIED, Optional.empty(), List.of(), sha256,
                        DeliveryCounts.NONE));
    }

    private List<DeliveryStore.ReviewItem> reviews(PersonLookup lookup, DeliveryResult result) {
        List<DeliveryStore.ReviewItem> reviews = new ArrayList<>(result.reviews.size());
        for (ReviewRow row : result.reviews) {
            reviews.add(new DeliveryStore.ReviewItem(row, candidatesJson(lookup, row)));
        }
        return reviews;
    }

    private DeliveryReport applied(DeliveryStore.Applied a, DeliveryStore.Header h, DeliveryResult result) {
        events.publishEvent(new DeliveryApplied(a.deliveryId(), h.provider(), h.feed(), h.dataMonth(), a.facts(),
                a.lifeSigns()));
        log.info("Delivery {} applied: {} {} {}, {} rows read", a.deliveryId(), h.provider(), h.feed(), h.fileName(),
                result.rowsRead);
        return new DeliveryReport(a.deliveryId(), DeliveryStatus.APPLIED, Optional.empty(), List.of(), h.sha256(),
                DeliveryStore.counts(result, a.facts(), a.lifeSigns()));
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the stored file " + file.getFileName() + " is missing", e);
        }
    }

    private DeliveryReport refuse(DeliveryStore.Header header, String reason, List<FileProblem> problems) {
        long id = store.refuse(header, reason);
        log.info("Delivery {} refused: {} {} {}: {}", id, header.provider(), header.feed(), header.fileName(), reason);
        return new DeliveryReport(id, DeliveryStatus.REFUSED, Optional.of(reason), problems, header.sha256(),
                DeliveryCounts.NONE);
    }

    private DeliveryStore.Header header(String provider, String feed, String fileName, RawFileStore.StoredFile stored,
            YearMonth month, LocalDate asOf, String format, String encoding) {
        return new DeliveryStore.Header(provider, feed, fileName, stored.sha256(), stored.size(), format, encoding, month,
                asOf, clock.instant(), catalogue.version(), false);
    }

    private static String candidatesJson(PersonLookup lookup, ReviewRow row) {
        List<PersonLookup.Candidate> candidates = lookup.candidates(row.name(), row.gender(), row.birthDate(),
                row.regionCode(), REVIEW_CANDIDATES);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < candidates.size(); i++) {
            PersonLookup.Candidate c = candidates.get(i);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id_number", c.idNumber());
            m.put("name", c.name());
            m.put("score", Integer.toString(c.score()));
            m.put("reasons", String.join(",", c.reasons()));
            out.append(i == 0 ? "" : ",").append(JsonText.object(m));
        }
        return out.append(']').toString();
    }
}
