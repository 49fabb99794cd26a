package org.vigil.certification.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.RecipientIdentities;
import org.vigil.certification.RecipientIdentity;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;

/**
 * A recipient's ID number, name and phone in full (SHARE-2, DATA-9), for a stated purpose. A POST,
 * not a GET: seeing them is an act that is recorded, and the answer is never cached.
 */
@RestController
@RequestMapping("/api/certification/recipients")
class IdentityController {

    private final RecipientIdentities identities;

    IdentityController(RecipientIdentities identities) {
        this.identities = identities;
    }

    record RevealRequest(@NotNull Purpose purpose, @Size(max = Disclosures.MAX_NOTE) String note) {
    }

    record IdentityView(long recipientId, String idNumber, String name, String phone, String purpose,
            String purposeChinese, Instant revealedAt, int revealsToday, int dailyQuota) {

        static IdentityView of(RecipientIdentity i) {
            return new IdentityView(i.recipientId(), i.idNumber(), i.name(), i.phone(), i.disclosure().purpose().name(),
                    i.disclosure().purpose().chinese(), i.disclosure().at(), i.disclosure().usedToday(),
                    i.disclosure().quota());
        }
    }

    @PostMapping("/{recipientId}/reveal")
    @Allowed(Permission.UNMASK)
    ResponseEntity<IdentityView> reveal(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long recipientId,
            @Valid @RequestBody RevealRequest body) {
        RecipientIdentity identity = identities.reveal(who, recipientId, body.purpose(), body.note())
                .orElseThrow(() -> Problems.notFound("No recipient " + recipientId + " / 未找到该待遇领取人员"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(IdentityView.of(identity));
    }
}
