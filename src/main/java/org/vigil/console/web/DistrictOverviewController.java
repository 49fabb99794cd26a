package org.vigil.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.RecipientStatistics;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.registry.RegistryStatistics;

/** Residents, benefit recipients and communities per district, for the console's first page. */
@RestController
@Allowed(Permission.STATISTICS_VIEW)
@RequestMapping("/api/overview")
class DistrictOverviewController {

    private final RegistryStatistics registry;
    private final RecipientStatistics recipients;

    DistrictOverviewController(RegistryStatistics registry, RecipientStatistics recipients) {
        this.registry = registry;
        this.recipients = recipients;
    }

    @GetMapping("/districts")
    DistrictOverview districts() {
        Map<String, Long> persons = registry.personsByDistrict();
        Map<String, Long> benefits = recipients.recipientsByDistrict();
        Map<String, Long> communities = registry.communitiesByDistrict();
        TreeSet<String> codes = new TreeSet<>(persons.keySet());
        codes.addAll(communities.keySet());
        codes.addAll(benefits.keySet());
        RegionDirectory directory = RegionDirectory.standard();
        List<DistrictRow> rows = new ArrayList<>();
        long totalPersons = 0;
        long totalRecipients = 0;
        for (String code : codes) {
            long p = persons.getOrDefault(code, 0L);
            long r = benefits.getOrDefault(code, 0L);
            String name = RegionCode.parse(code).toOptional().flatMap(directory::find)
                    .map(region -> region.name()).orElse(code);
            rows.add(new DistrictRow(code, name, p, r, communities.getOrDefault(code, 0L)));
            totalPersons += p;
            totalRecipients += r;
        }
        return new DistrictOverview(rows, totalPersons, totalRecipients);
    }

    record DistrictOverview(List<DistrictRow> districts, long residents, long recipients) {
    }

    record DistrictRow(String code, String name, long residents, long recipients, long communities) {
    }
}
