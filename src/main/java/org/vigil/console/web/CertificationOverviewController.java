package org.vigil.console.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListQuery;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;

/** The three lists' sizes per district for the console's first page (CERT-7), of the latest verified month by default. */
@RestController
@Allowed(Permission.STATISTICS_VIEW)
@RequestMapping("/api/overview")
class CertificationOverviewController {

    private final CertificationLists lists;

    CertificationOverviewController(CertificationLists lists) {
        this.lists = lists;
    }

    record CertificationOverview(YearMonth month, LocalDate asOf, String policyVersion, List<DistrictLists> districts,
            long qualified, long disqualified, long toBeVerified) {
    }

    record DistrictLists(String code, String name, long qualified, long disqualified, long toBeVerified) {
    }

    /** Empty (no month, no districts) until a month has been verified. */
    @GetMapping("/certification")
    CertificationOverview certification(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        Optional<VerificationRun> run = month != null ? lists.run(month) : lists.runs().stream().findFirst();
        if (run.isEmpty()) {
            return new CertificationOverview(month, null, null, List.of(), 0, 0, 0);
        }
        RegionDirectory directory = RegionDirectory.standard();
        List<DistrictLists> rows = new ArrayList<>();
        for (ListCounts c : lists.counts(ListQuery.all(run.get().month()), CertificationLists.Level.DISTRICT)) {
            String name = RegionCode.parse(c.region()).toOptional().flatMap(directory::find).map(Region::name)
                    .orElse(c.region());
            rows.add(new DistrictLists(c.region(), name, c.qualified(), c.disqualified(), c.toBeVerified()));
        }
        VerificationRun r = run.get();
        return new CertificationOverview(r.month(), r.asOf(), r.policyVersion(), rows, r.qualified(), r.disqualified(),
                r.toBeVerified());
    }
}
