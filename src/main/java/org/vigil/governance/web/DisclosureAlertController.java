package org.vigil.governance.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.disclosure.DisclosureAlert;
import org.vigil.governance.disclosure.Disclosures;

/** The enumeration alerts for the security administrator (DATA-9): who looked up how many people in how short a time. */
@RestController
@RequestMapping("/api/disclosure/alerts")
class DisclosureAlertController {

    private final Disclosures disclosures;

    DisclosureAlertController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    record AlertView(long id, long accountId, String username, String role, String kind, String kindChinese,
            Instant raisedAt, Instant windowStart, int accesses, int threshold) {

        static AlertView of(DisclosureAlert a) {
            return new AlertView(a.id(), a.accountId(), a.username(), a.role(), "ENUMERATION", "疑似批量查询",
                    a.raisedAt(), a.windowStart(), a.accesses(), a.threshold());
        }
    }

    @GetMapping
    @Allowed(Permission.SECURITY_MANAGE)
    List<AlertView> alerts(@RequestParam(defaultValue = "100") int limit) {
        return disclosures.alerts(ExportRequestController.bounded(limit)).stream().map(AlertView::of).toList();
    }
}
