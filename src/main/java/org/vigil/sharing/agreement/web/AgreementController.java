package org.vigil.sharing.agreement.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.sharing.agreement.Agreement;
import org.vigil.sharing.agreement.AgreementCheck;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.AgreementScan;
import org.vigil.sharing.agreement.AgreementStatus;
import org.vigil.sharing.agreement.ExpiringAgreement;
import org.vigil.sharing.agreement.Provider;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.agreement.RefusalReason;
import org.vigil.sharing.agreement.RegisterException;
import org.vigil.sharing.agreement.RegisterProblem;
import org.vigil.sharing.agreement.Termination;
import org.vigil.sharing.agreement.Violation;

/** The data-use agreements (SHARE-2): record, attach the signed scan, terminate, check, and what runs out soon. */
@RestController
@Allowed(Permission.SHARING_VIEW)
@RequestMapping("/api/agreements")
class AgreementController {

    /** The longest look-ahead for the expiring list: ten years. */
    static final int MAX_WINDOW_DAYS = 3660;

    private final AgreementRegister register;
    private final ProviderRegistry providers;
    private final Clock clock;

    AgreementController(AgreementRegister register, ProviderRegistry providers, Clock clock) {
        this.register = register;
        this.providers = providers;
        this.clock = clock;
    }

    /** Every agreement, or one provider's, by provider then start of validity. */
    @GetMapping
    List<AgreementView> list(@RequestParam(required = false) String provider) {
        LocalDate today = LocalDate.now(clock);
        List<String> codes = provider != null ? List.of(provider) : providers.all().stream().map(Provider::code).toList();
        return codes.stream().flatMap(code -> register.ofProvider(code).stream()).map(a -> AgreementView.of(a, today)).toList();
    }

    @GetMapping("/{number}")
    AgreementView get(@PathVariable String number) {
        return AgreementView.of(require(number), LocalDate.now(clock));
    }

    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping
    ResponseEntity<AgreementView> record(@Valid @RequestBody AgreementRequest request) {
        Agreement agreement = register.record(new AgreementDraft(request.number(), request.providerCode(),
                request.agencyName(), request.signedOn(), request.validFrom(), request.validTo(), request.feeds(),
                request.purposes()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}").buildAndExpand(agreement.number())
                .toUri();
        return ResponseEntity.created(location).body(AgreementView.of(agreement, LocalDate.now(clock)));
    }

    /** The signed scan as a multipart part named {@code file}; it is streamed to the scan store. */
    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping(path = "/{number}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AgreementView attachScan(@PathVariable String number, @RequestPart("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return AgreementView.of(register.attachScan(number, in, file.getOriginalFilename()), LocalDate.now(clock));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded scan", e);
        }
    }

    @GetMapping("/{number}/scan")
    ResponseEntity<InputStreamResource> scan(@PathVariable String number) {
        Optional<AgreementRegister.ScanContent> opened = register.openScan(number);
        if (opened.isEmpty()) {
            require(number);
            throw new RegisterException(new Violation("number", RegisterProblem.NO_SCAN, number));
        }
        AgreementRegister.ScanContent content = opened.get();
        AgreementScan scan = content.scan();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.format().mediaType()))
                .contentLength(scan.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(scan.fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + scan.sha256() + "\"")
                .body(new InputStreamResource(content.content()));
    }

    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping("/{number}/termination")
    AgreementView terminate(@PathVariable String number, @Valid @RequestBody TerminationRequest request) {
        return AgreementView.of(register.terminate(number, request.effectiveFrom(), request.reason()), LocalDate.now(clock));
    }

    /**
     * Agreements whose validity ends within the window, by end date.
     *
     * @param within an ISO-8601 period such as {@code P60D} or {@code P2M}, or a number of days
     * @param asOf   the day the window starts, default today
     */
    @GetMapping("/expiring")
    List<ExpiringView> expiring(@RequestParam(defaultValue = "P60D") String within,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate from = asOf == null ? LocalDate.now(clock) : asOf;
        return register.expiring(from, window(within)).stream().map(ExpiringView::of).toList();
    }

    /** Whether an agreement covers the provider's feed on a day (default today), for a purpose if given. */
    @GetMapping("/check")
    CheckView check(@RequestParam String provider, @RequestParam String feed,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) AgreementPurpose purpose) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        AgreementCheck check = purpose == null ? register.inForce(provider, feed, day)
                : register.inForce(provider, feed, day, purpose);
        return CheckView.of(check);
    }

    static Period window(String within) {
        Period period;
        try {
            period = within.chars().allMatch(Character::isDigit) && !within.isEmpty()
                    ? Period.ofDays(Integer.parseInt(within)) : Period.parse(within);
        }
        catch (DateTimeParseException | NumberFormatException e) {
            throw new RegisterException(new Violation("within", RegisterProblem.EXPIRY_WINDOW,
                    "'" + within + "' is not a period such as P60D"));
        }
        LocalDate probe = LocalDate.of(2000, 1, 1);
        if (period.isNegative() || probe.plus(period).isAfter(probe.plusDays(MAX_WINDOW_DAYS))) {
            throw new RegisterException(new Violation("within", RegisterProblem.EXPIRY_WINDOW, within));
        }
        return period;
    }

    private Agreement require(String number) {
        return register.find(number).orElseThrow(() ->
                new RegisterException(new Violation("number", RegisterProblem.UNKNOWN_AGREEMENT, number)));
    }

    record AgreementRequest(
            @NotBlank @Size(max = 64) String number,
            @NotBlank String providerCode,
            @NotBlank @Size(max = 100) String agencyName,
            @NotNull LocalDate signedOn,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo,
            @NotEmpty List<@NotBlank String> feeds,
            @NotEmpty Set<@NotNull AgreementPurpose> purposes) {
    }

    record TerminationRequest(@NotNull LocalDate effectiveFrom, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * @param status where it stands today
     * @param scan   null until the signed scan is attached
     */
    record AgreementView(String number, String providerCode, String agencyName, LocalDate signedOn, LocalDate validFrom,
            LocalDate validTo, LocalDate lastDayInForce, AgreementStatus status, String statusChinese, List<String> feeds,
            List<AgreementPurpose> purposes, ScanView scan, TerminationView termination) {

        static AgreementView of(Agreement a, LocalDate today) {
            AgreementStatus status = a.statusOn(today);
            return new AgreementView(a.number(), a.providerCode(), a.agencyName(), a.signedOn(), a.validFrom(),
                    a.validTo(), a.lastDayInForce(), status, status.chinese(), a.feeds(),
                    a.purposes().stream().sorted(Comparator.naturalOrder()).toList(),
                    a.scan().map(ScanView::of).orElse(null), a.termination().map(TerminationView::of).orElse(null));
        }
    }

    record ScanView(String sha256, long bytes, String mediaType, String fileName, Instant attachedAt) {

        static ScanView of(AgreementScan s) {
            return new ScanView(s.sha256(), s.bytes(), s.format().mediaType(), s.fileName(), s.attachedAt());
        }
    }

    record TerminationView(LocalDate effectiveFrom, String reason, Instant recordedAt) {

        static TerminationView of(Termination t) {
            return new TerminationView(t.effectiveFrom(), t.reason(), t.recordedAt());
        }
    }

    /** @param renewedBy null when no later agreement continues it yet */
    record ExpiringView(String number, String providerCode, String providerName, LocalDate validTo, long daysLeft,
            List<String> feeds, String renewedBy) {

        static ExpiringView of(ExpiringAgreement e) {
            return new ExpiringView(e.number(), e.providerCode(), e.providerName(), e.validTo(), e.daysLeft(), e.feeds(),
                    e.renewedBy().orElse(null));
        }
    }

    /** @param agreement the agreement in force; null when refused, and then {@code reason} and the messages say why */
    record CheckView(String providerCode, String feedCode, LocalDate on, boolean inForce, String agreement,
            RefusalReason reason, String messageChinese, String message) {

        static CheckView of(AgreementCheck check) {
            if (check instanceof AgreementCheck.InForce ok) {
                return new CheckView(ok.providerCode(), ok.feedCode(), ok.on(), true, ok.agreement().number(), null, null, null);
            }
            AgreementCheck.Refused no = (AgreementCheck.Refused) check;
            return new CheckView(no.providerCode(), no.feedCode(), no.on(), false, null, no.reason(), no.chinese(), no.english());
        }
    }
}
