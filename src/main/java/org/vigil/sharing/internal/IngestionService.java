package org.vigil.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.vigil.identity.ResidentId;
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
import org.vigil.sharing.reading.ByteTap;
import org.vigil.sharing.reading.DeliveryFiles;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.sharing.reading.TableSource;
import org.vigil.sharing.quality.GateDecision;
import org.vigil.sharing.quality.QualityGate;

/**
 * The ingestion pipeline. The raw file is stored whatever becomes of the delivery, so even a
 * refused one can be looked at; it is hashed and copied from the bytes the reader reads (or
 * before reading, when the file may be a repeat or is a workbook). Everything after reading
 * happens in memory and then in one transaction ({@link DeliveryStore}), so a crash leaves nothing
 * applied and the same run can simply be repeated.
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
        Instant received = clock.instant();
        try (RawFileStore.Incoming incoming = raw.begin(request.file())) {
            try {
                return ingest(request, received, incoming);
            }
            catch (RuntimeException e) {
                // the raw file is kept whenever a delivery was attempted, as if it had been stored first
                try {
                    incoming.complete();
                }
                catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
    }

    private DeliveryReport ingest(DeliveryRequest request, Instant received, RawFileStore.Incoming incoming) {
        Optional<FeedDefinition> feed = catalogue.find(request.feed());
        if (feed.isEmpty()) {
            return refuse(header(request, incoming.complete(), received),
                    "目录中没有数据项 " + request.feed() + " / the catalogue has no feed " + request.feed(), List.of());
        }
        // The same bytes have the same size: only when an applied or held delivery of this provider,
        // feed and month has this file's size can it be a repeat, and only then is it hashed before
        // it is read. Otherwise it is hashed and stored from the reader's own bytes as it is read
        // (a workbook is not read in file order, so it is stored first).
        RawFileStore.StoredFile stored = null;
        if (DeliveryFiles.isWorkbook(request.file())
                || store.mayRepeat(request.provider(), request.feed(), request.dataMonth(), sizeOf(request.file()))) {
            stored = incoming.complete();
            Optional<DeliveryReport> repeat = repeat(request.provider(), request.feed(), request.dataMonth(),
                    stored.sha256());
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        Optional<String> refusal = terms.refusal(request.provider(), request.feed(), request.asOf());
        if (refusal.isPresent()) {
            return refuse(header(request, incoming.complete(), received), refusal.get(), List.of());
        }
        Read read = read(request.provider(), request.feed(), request.fileName(), request.asOf(), feed.get(),
                stored != null ? stored.path() : request.file(), stored != null ? null : incoming);
        if (stored == null) {
            stored = incoming.complete();
            // a run of the same file may have been applied meanwhile
            Optional<DeliveryReport> repeat = repeat(request.provider(), request.feed(), request.dataMonth(),
                    stored.sha256());
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        DeliveryStore.Header header = read.header(header(request, stored, received));
        if (read.refusal() != null) {
            return refuse(header, read.refusal(), read.problems());
        }
        return applyOrHold(header, read);
    }

    /**
     * Applies the delivery, or holds it when the quality gate says so. The life signs are written
     * while the rest of the result is combined and judged, in the delivery's one transaction, which
     * is rolled back when the delivery is held or anything fails (ADR 0022).
     */
    private DeliveryReport applyOrHold(DeliveryStore.Header header, Read read) {
        DeliveryStore.Pending pending = store.begin(header, DeliveryResult.signsOf(read.sinks()));
        DeliveryResult result;
        GateDecision decision;
        Optional<DeliveryStore.Applied> applied = Optional.empty();
        try {
            result = new DeliveryResult(read.sinks());
            DeliveryCounts counts = DeliveryStore.counts(result, 0, 0);
            decision = gate.map(g -> g.judge(header.provider(), header.feed(), header.dataMonth(), counts))
                    .orElse(GateDecision.PASS);
            if (!decision.hold()) {
                applied = pending.finish(result, reviews(read.lookup(), result));
            }
        }
        catch (RuntimeException | Error e) {
            pending.abandon();
            throw e;
        }
        if (decision.hold()) {
            // first: holding would otherwise wait for the abandoned delivery's row in the unique index
            pending.abandon();
            String reasons = String.join("; ", decision.reasons());
            Optional<Long> held = store.hold(header, result, reasons);
            if (held.isEmpty()) {
                return repeat(header.provider(), header.feed(), header.dataMonth(), header.sha256()).orElseThrow();
            }
            log.info("Delivery {} held: {} {} {}: {}", held.get(), header.provider(), header.feed(),
                    ResidentId.maskAll(header.fileName()), reasons);
            return new DeliveryReport(held.get(), DeliveryStatus.QUARANTINED, Optional.of(reasons), List.of(),
                    header.sha256(), DeliveryStore.counts(result, 0, 0));
        }
        if (applied.isEmpty()) {
            return repeat(header.provider(), header.feed(), header.dataMonth(), header.sha256()).orElseThrow();
        }
        return applied(applied.get(), header, result);
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
        Read read = read(held.provider(), held.feed(), held.fileName(), held.asOf(), feed, file, null);
        if (read.refusal() != null) {
            throw new IllegalStateException("the stored file of delivery " + deliveryId + " no longer reads: "
                    + read.refusal());
        }
        DeliveryStore.Header header = read.header(header(held.provider(), held.feed(), held.fileName(), stored,
                held.dataMonth(), held.asOf(), clock.instant()));
        DeliveryResult result = new DeliveryResult(read.sinks());
        DeliveryStore.Applied applied = store.release(deliveryId, header, result, reviews(read.lookup(), result), officer,
                reason);
        log.info("Delivery {} released by {}: {}", deliveryId, officer, reason);
        return applied(applied, header, result);
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

    /**
     * The outcome of reading: what the file was found to be, and the reading threads' results, or
     * the reason and problems for refusing it when the file or its header would not do.
     */
    private record Read(String format, String encoding, boolean ageFilter, List<SinkResult> sinks, PersonLookup lookup,
            String refusal, List<FileProblem> problems) {

        /** The delivery's header completed with what reading found. */
        DeliveryStore.Header header(DeliveryStore.Header h) {
            return new DeliveryStore.Header(h.provider(), h.feed(), h.fileName(), h.sha256(), h.size(), format, encoding,
                    h.dataMonth(), h.asOf(), h.receivedAt(), h.catalogueVersion(), ageFilter);
        }
    }

    private Read read(String provider, String feedCode, String fileName, LocalDate asOf, FeedDefinition feed, Path file,
            ByteTap tap) {
        try (TableSource source = DeliveryFiles.open(file, fileName, limits, tap)) {
            String format = source.format().format().name();
            String encoding = source.format().encoding() == null ? null : source.format().encoding().name();
            boolean ageFilter = terms.ageFilter(provider, feedCode);
            HeaderResolution resolution = HeaderMapping.resolve(feed, source.header(),
                    terms.columnAliases(provider, feedCode), fileName, source.headerRow());
            if (resolution instanceof HeaderProblems problems) {
                return new Read(format, encoding, ageFilter, null, null,
                        "表头与数据项不符 / the header does not fit feed " + feedCode, problems.problems());
            }
            PersonLookup lookup = persons.get();
            RowInterpreter interpreter = new RowInterpreter(feed, (ResolvedHeader) resolution, source.header(),
                    asOf, ageFilter, lookup);
            List<SinkResult> sinks = Collections.synchronizedList(new ArrayList<>());
            source.read(threads, () -> {
                SinkResult sink = new SinkResult(interpreter, lookup);
                sinks.add(sink);
                return sink;
            });
            return new Read(format, encoding, ageFilter, List.copyOf(sinks), lookup, null, List.of());
        }
        catch (BadInputException e) {
            // the reason is stored, listed and logged: it says where and why, and leaves the offending value,
            // a cell of someone's row (a name, an ID number), to the problems the sender gets back
            return new Read(null, null, false, null, null, "文件无法读取 / the file cannot be read: " + withoutValues(e),
                    e.problems());
        }
    }

    private static String withoutValues(BadInputException e) {
        List<FileProblem> problems = e.problems();
        if (problems.isEmpty()) {
            return e.getMessage();
        }
        String first = problems.get(0).withoutValue().describe();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem(s))";
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
            reviews.add(new DeliveryStore.ReviewItem(row, lookup.candidates(row.name(), row.gender(), row.birthDate(),
                    row.regionCode(), REVIEW_CANDIDATES)));
        }
        return reviews;
    }

    private DeliveryReport applied(DeliveryStore.Applied a, DeliveryStore.Header h, DeliveryResult result) {
        events.publishEvent(new DeliveryApplied(a.deliveryId(), h.provider(), h.feed(), h.dataMonth(), a.facts(),
                a.lifeSigns()));
        log.info("Delivery {} applied: {} {} {}, {} rows read", a.deliveryId(), h.provider(), h.feed(),
                ResidentId.maskAll(h.fileName()), result.rowsRead);
        return new DeliveryReport(a.deliveryId(), DeliveryStatus.APPLIED, Optional.empty(), List.of(), h.sha256(),
                DeliveryStore.counts(result, a.facts(), a.lifeSigns()));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the file " + file.getFileName() + " is missing", e);
        }
    }

    private DeliveryReport refuse(DeliveryStore.Header header, String reason, List<FileProblem> problems) {
        long id = store.refuse(header, reason);
        // what the sender named (provider, feed, file) is quoted back as sent, and might be anything
        log.info("Delivery {} refused: {} {} {}: {}", id, ResidentId.maskAll(header.provider()),
                ResidentId.maskAll(header.feed()), ResidentId.maskAll(header.fileName()), ResidentId.maskAll(reason));
        return new DeliveryReport(id, DeliveryStatus.REFUSED, Optional.of(reason), problems, header.sha256(),
                DeliveryCounts.NONE);
    }

    private DeliveryStore.Header header(DeliveryRequest request, RawFileStore.StoredFile stored, Instant received) {
        return header(request.provider(), request.feed(), request.fileName(), stored, request.dataMonth(), request.asOf(),
                received);
    }

    private DeliveryStore.Header header(String provider, String feed, String fileName, RawFileStore.StoredFile stored,
            YearMonth month, LocalDate asOf, Instant received) {
        return new DeliveryStore.Header(provider, feed, fileName, stored.sha256(), stored.size(), null, null, month,
                asOf, received, catalogue.version(), false);
    }
}
