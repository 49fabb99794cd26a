package org.vigil.registry.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.CreditCode;
import org.vigil.identity.Parsed;
import org.vigil.identity.ResidentId;
import org.vigil.registry.change.ChangeRefusedException;
import org.vigil.registry.change.EmployerRecord;
import org.vigil.registry.change.PersonRecord;
import org.vigil.registry.change.RecordHistory;
import org.vigil.registry.web.Views.EmployerView;
import org.vigil.registry.web.Views.FoundView;
import org.vigil.registry.web.Views.PersonView;
import org.vigil.registry.web.Views.VersionView;

/**
 * Persons and employers of the registry, now or as they were on a date, and every version of
 * each with who changed what, when, why and by which request (DATA-8). A person is shown masked.
 * Look-ups take the ID number or credit code in the body, so it never lands in an access log.
 */
@RestController
@RequestMapping("/api/registry")
class RecordController {

    private final RecordHistory history;
    private final Clock clock;

    RecordController(RecordHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    record PersonLookup(@NotBlank @Size(max = 32) String idNumber) {
    }

    record EmployerLookup(@NotBlank @Size(max = 32) String creditCode) {
    }

    @PostMapping("/persons/lookup")
    @Allowed({Permission.CERTIFICATION_VIEW, Permission.CHANGE_APPLY})
    FoundView findPerson(@Valid @RequestBody PersonLookup body) {
        ResidentId id = valid(ResidentId.parse(body.idNumber(), clock), "idNumber");
        long personId = history.personId(id).orElseThrow(() -> notFound("no person with this ID number / 无此人员记录"));
        return new FoundView(personId, history.person(personId).map(PersonView::of).orElseThrow(
                () -> notFound("no person " + personId + " / 无此人员记录")));
    }

    /** The person now, or as on {@code asOf}: a date (the end of that day) or an instant (ISO 8601 with offset). */
    @GetMapping("/persons/{id}")
    @Allowed(Permission.CERTIFICATION_VIEW)
    PersonView person(@PathVariable long id, @RequestParam Optional<String> asOf) {
        Optional<PersonRecord> found;
        if (asOf.isEmpty()) {
            found = history.person(id);
        } else {
            Moment at = moment(asOf.get());
            found = at.isDate() ? history.personAsOf(id, at.date()) : history.personAsOf(id, at.instant());
        }
        return found.map(PersonView::of).orElseThrow(() -> notFound(asOf.isEmpty() ? "no person " + id + " / 无此人员记录"
                : "no person " + id + " on " + asOf.get() + " / 该日期无此人员记录"));
    }

    @GetMapping("/persons/{id}/history")
    @Allowed(Permission.CERTIFICATION_VIEW)
    List<VersionView> personHistory(@PathVariable long id) {
        List<VersionView> versions = history.personHistory(id).stream().map(VersionView::of).toList();
        if (versions.isEmpty()) {
            throw notFound("no person " + id + " / 无此人员记录");
        }
        return versions;
    }

    @PostMapping("/employers/lookup")
    @Allowed({Permission.CERTIFICATION_VIEW, Permission.CHANGE_APPLY})
    EmployerView findEmployer(@Valid @RequestBody EmployerLookup body) {
        CreditCode code = valid(CreditCode.parse(body.creditCode()), "creditCode");
        long employerId = history.employerId(code).orElseThrow(() -> notFound("no employer with this credit code / 无此单位记录"));
        return history.employer(employerId).map(EmployerView::of).orElseThrow(
                () -> notFound("no employer " + employerId + " / 无此单位记录"));
    }

    @GetMapping("/employers/{id}")
    @Allowed(Permission.CERTIFICATION_VIEW)
    EmployerView employer(@PathVariable long id, @RequestParam Optional<String> asOf) {
        Optional<EmployerRecord> found;
        if (asOf.isEmpty()) {
            found = history.employer(id);
        } else {
            Moment at = moment(asOf.get());
            found = at.isDate() ? history.employerAsOf(id, at.date()) : history.employerAsOf(id, at.instant());
        }
        return found.map(EmployerView::of).orElseThrow(() -> notFound(asOf.isEmpty() ? "no employer " + id + " / 无此单位记录"
                : "no employer " + id + " on " + asOf.get() + " / 该日期无此单位记录"));
    }

    @GetMapping("/employers/{id}/history")
    @Allowed(Permission.CERTIFICATION_VIEW)
    List<VersionView> employerHistory(@PathVariable long id) {
        List<VersionView> versions = history.employerHistory(id).stream().map(VersionView::of).toList();
        if (versions.isEmpty()) {
            throw notFound("no employer " + id + " / 无此单位记录");
        }
        return versions;
    }

    /* A moment asked for: a whole day or an instant. */
    private record Moment(LocalDate date, Instant instant) {

        boolean isDate() {
            return date != null;
        }
    }

    private static Moment moment(String text) {
        try {
            if (text.length() == 10) {
                return new Moment(LocalDate.parse(text), null);
            }
            return new Moment(null, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf is a date (2026-05-31) or an instant with its offset "
                    + "(2026-05-31T12:00:00+08:00), found '" + e.getParsedString() + "' / asOf 须为日期或带时区的时刻", e);
        }
    }

    private static <T> T valid(Parsed<T> parsed, String field) {
        return parsed.toOptional().orElseThrow(() -> new IllegalArgumentException(field + ": "
                + parsed.problem().orElseThrow().message() + " / " + parsed.problem().orElseThrow().messageChinese()));
    }

    private static ChangeRefusedException notFound(String message) {
        return new ChangeRefusedException(ChangeRefusedException.Kind.NOT_FOUND, message);
    }
}
