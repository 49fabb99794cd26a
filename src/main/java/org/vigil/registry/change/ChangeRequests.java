package org.vigil.registry.change;

import java.util.List;
import java.util.Optional;

/**
 * Changing the registry's basic data under control (DATA-6, DATA-8, ADR 0029). Each step is one
 * transaction whose last act is its audit event, and each enforces the posts: who may take it
 * (by the actor's role) and who may not (the applicant never approves or modifies their own
 * request, the modifier never reviews their own modification, a batch is approved at city level).
 * A step taken again by the one who took it changes nothing and returns the request as it is; by
 * anyone else it is a {@linkplain ChangeRefusedException.Kind#CONFLICT conflict}.
 *
 * @see RecordHistory for the versions every modification writes
 */
public interface ChangeRequests {

    /**
     * Applies for a change. Every new value is checked by the identity kernel first, and the record
     * as it would be afterwards too (an ID number carries the birth date, so the two change
     * together); a value another record holds is refused. A single record's change without fields
     * under manual review takes effect at once, as a new version, and waits only for the review.
     *
     * @throws ChangeRefusedException when the actor may not apply, a value is refused or a record is unknown
     */
    ChangeRequest apply(ChangeActor actor, ChangeApplication application);

    /**
     * Approves an applied request. A request under manual review needs the cross-department check
     * of the department its fields name; a batch needs an approver of a city-level role holding
     * CHANGE_BATCH_APPROVE, anything else one holding CHANGE_REVIEW; never the applicant.
     *
     * @param check null for a request without fields under manual review
     */
    ChangeRequest approve(long id, ChangeActor actor, CrossCheck check);

    /**
     * Applies an approved request to its records: a new version of each, the enrollments following
     * a changed ID number or credit code. By a CHANGE_REVIEW post other than the applicant. Refused
     * whole when any record no longer holds the value the request was made against.
     */
    ChangeRequest modify(long id, ChangeActor actor);

    /** The post-check of a modification, by a CHANGE_REVIEW post other than the one who modified. */
    ChangeRequest review(long id, ChangeActor actor, String note);

    /**
     * Refuses a request that is applied (by its approver's post), approved (by a CHANGE_REVIEW
     * post), or modified (by a reviewer other than the modifier; the modification is then reverted
     * as a new version of each record, as long as no later change overtook it).
     */
    ChangeRequest reject(long id, ChangeActor actor, String reason);

    Optional<ChangeRequest> find(long id);

    /** The latest requests first, of one status or all, at most {@code limit}. */
    List<ChangeRequest> list(Optional<ChangeStatus> status, int limit);
}
