package org.vigil.sharing.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.sharing.ReviewItem;
import org.vigil.sharing.ReviewQueue;

/** The review queue over HTTP: rows without an ID, matched or dismissed by a person (SHARE-6). */
@RestController
@Allowed(Permission.MATCH_REVIEW)
@RequestMapping("/api/review-items")
class ReviewController {

    private final ReviewQueue queue;

    ReviewController(ReviewQueue queue) {
        this.queue = queue;
    }

    record Page(List<ReviewItem> items, long total, int offset, int limit) {
    }

    record MatchRequest(@NotBlank @Size(max = 40) String idNumber, @NotBlank @Size(max = 100) String reviewer) {
    }

    record DismissRequest(@NotBlank @Size(max = 100) String reviewer, @NotBlank @Size(max = 1000) String note) {
    }

    @GetMapping
    Page open(@RequestParam Optional<String> provider, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new Page(queue.open(provider, offset, limit), queue.countOpen(provider), offset, limit);
    }

    @PostMapping("/{deliveryId}/{row}/match")
    ResponseEntity<Void> match(@PathVariable long deliveryId, @PathVariable long row, @Valid @RequestBody MatchRequest r) {
        queue.match(deliveryId, row, r.idNumber(), r.reviewer());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{deliveryId}/{row}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable long deliveryId, @PathVariable long row,
            @Valid @RequestBody DismissRequest r) {
        queue.dismiss(deliveryId, row, r.reviewer(), r.note());
        return ResponseEntity.noContent().build();
    }
}
