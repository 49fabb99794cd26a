package org.vigil.sharing.agreement.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.RegionDirectory;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.Liaison;
import org.vigil.sharing.agreement.LiaisonAppointment;
import org.vigil.sharing.agreement.Provider;
import org.vigil.sharing.agreement.ProviderFeed;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.agreement.RegisterException;
import org.vigil.sharing.agreement.RegisterProblem;
import org.vigil.sharing.agreement.Violation;

/** The provider registry (SHARE-1): providers, the feeds they deliver, their liaison rosters. */
@RestController
@Allowed(Permission.SHARING_VIEW)
@RequestMapping("/api/providers")
class ProviderController {

    private final ProviderRegistry registry;
    private final Clock clock;

    ProviderController(ProviderRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping
    List<ProviderView> list() {
        LocalDate today = LocalDate.now(clock);
        return registry.all().stream().map(p -> ProviderView.of(p, today)).toList();
    }

    @GetMapping("/{code}")
    ProviderView get(@PathVariable String code) {
        return ProviderView.of(require(code), LocalDate.now(clock));
    }

    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping
    ResponseEntity<ProviderView> register(@Valid @RequestBody RegisterProviderRequest request) {
        Provider provider = registry.register(new ProviderRegistration(request.code(), request.name(), request.level(),
                request.regionCode()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}").buildAndExpand(provider.code()).toUri();
        return ResponseEntity.created(location).body(ProviderView.of(provider, LocalDate.now(clock)));
    }

    /** Records that the provider delivers the feed, or changes its age filter and header aliases. */
    @Allowed(Permission.SHARING_MANAGE)
    @PutMapping("/{code}/feeds/{feedCode}")
    ProviderView configureFeed(@PathVariable String code, @PathVariable String feedCode, @Valid @RequestBody FeedRequest request) {
        Provider provider = registry.configureFeed(code, new FeedSetting(feedCode, request.ageScope(), request.aliases()));
        return ProviderView.of(provider, LocalDate.now(clock));
    }

    /** The roster on a day (default today), or the whole roster with {@code all=true}. */
    @GetMapping("/{code}/liaisons")
    List<LiaisonView> liaisons(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "false") boolean all) {
        Provider provider = require(code);
        LocalDate today = LocalDate.now(clock);
        List<Liaison> roster = all ? provider.liaisons() : provider.liaisonsOn(on == null ? today : on);
        return roster.stream().map(l -> LiaisonView.of(l, today)).toList();
    }

    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping("/{code}/liaisons")
    ResponseEntity<LiaisonView> appoint(@PathVariable String code, @Valid @RequestBody LiaisonRequest request) {
        Liaison liaison = registry.appointLiaison(code,
                new LiaisonAppointment(request.name(), request.post(), request.phone(), request.servingFrom()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(liaison.id()).toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(LiaisonView.of(liaison, LocalDate.now(clock)));
    }

    @Allowed(Permission.SHARING_MANAGE)
    @PostMapping("/{code}/liaisons/{id}/end")
    LiaisonView endLiaison(@PathVariable String code, @PathVariable long id, @Valid @RequestBody EndLiaisonRequest request) {
        return LiaisonView.of(registry.endLiaison(code, id, request.lastDay()), LocalDate.now(clock));
    }

    private Provider require(String code) {
        return registry.find(code).orElseThrow(() ->
                new RegisterException(new Violation("code", RegisterProblem.UNKNOWN_PROVIDER, code)));
    }

    record RegisterProviderRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,39}", message = "2–40 lower-case letters, digits or underscores, starting with a letter") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull ProviderLevel level,
            @NotBlank String regionCode) {
    }

    /** @param ageScope absent: everyone */
    record FeedRequest(AgeScope ageScope, Map<@NotBlank String, @NotBlank String> aliases) {
    }

    record LiaisonRequest(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 100) String post,
            @NotBlank @Size(max = 40) String phone, @NotNull LocalDate servingFrom) {
    }

    record EndLiaisonRequest(@NotNull LocalDate lastDay) {
    }

    record ProviderView(String code, String name, ProviderLevel level, String levelChinese, String regionCode,
            String regionName, LocalDate registeredOn, List<FeedView> feeds, List<LiaisonView> liaisons) {

        static ProviderView of(Provider p, LocalDate today) {
            return new ProviderView(p.code(), p.name(), p.level(), p.level().chinese(), p.region().value(),
                    RegionDirectory.standard().fullName(p.region()), p.registeredOn(),
                    p.feeds().stream().map(FeedView::of).toList(),
                    p.liaisons().stream().map(l -> LiaisonView.of(l, today)).toList());
        }
    }

    record FeedView(String feedCode, AgeScope ageScope, String ageScopeChinese, Map<String, String> aliases) {

        static FeedView of(ProviderFeed f) {
            return new FeedView(f.feedCode(), f.ageScope(), f.ageScope().chinese(), f.aliases());
        }
    }

    /**
     * A roster entry. The phone is masked, as every phone Vigil shows by default; showing it in
     * full will be an audited action of the governance module.
     *
     * @param servingUntil the last day served; null while serving
     */
    record LiaisonView(long id, String name, String post, String phone, LocalDate servingFrom, LocalDate servingUntil,
            boolean servingToday) {

        static LiaisonView of(Liaison l, LocalDate today) {
            return new LiaisonView(l.id(), l.name().value(), l.post(), l.phone().masked(), l.servingFrom(),
                    l.servingUntil().orElse(null), l.servesOn(today));
        }
    }
}
