package org.vigil.certification;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The verification of recipients on the to-be-verified list one by one (CERT-10..13, CERT-19):
 * tasks created from a month's ledger, assigned to community workers or employing units, and the
 * outcome of each recorded with its method, result, operator, time, note and attachments. A
 * confirmed verification is evidence for the next monthly run (ADR 0017).
 */
public interface VerificationTasks {

    /**
     * Creates a task for every recipient on the month's to-be-verified list (in the district, when
     * given) who has neither a task for this month nor one not yet done from an earlier month.
     * Creating again creates nothing.
     *
     * @throws IllegalStateException when the month has not been verified
     */
    TaskCreation create(YearMonth month, Optional<String> district);

    /**
     * Assigns an open task, or reassigns one nobody has recorded yet.
     *
     * @throws TaskException when there is no such task or it is done
     */
    VerificationTask assign(long taskId, String operator);

    /**
     * Assigns every open task of a month in a community whose verification the community organises
     * (not the institution pensions, which their employing units verify).
     *
     * @return how many tasks were assigned
     */
    long assignCommunity(YearMonth month, String community, String operator);

    /**
     * Records what the verification found, dated by the application clock; the task is done and
     * never changes again.
     *
     * @throws TaskException when there is no such task, it is not assigned yet, or it is already done
     */
    VerificationTask record(long taskId, VerificationOutcome outcome);

    /**
     * Keeps a file with a task that is not done yet, stored under its SHA-256; the same content
     * attached twice is kept once.
     *
     * @throws TaskException when there is no such task or it is done
     */
    TaskAttachment attach(long taskId, String fileName, String contentType, InputStream content, String operator);

    Optional<VerificationTask> find(long taskId);

    /** One page of tasks in the order of district, street, community, status and task number. */
    TaskPage page(TaskQuery query, int page, int size);

    /** The stored file of a task's attachment. */
    Optional<Path> attachmentFile(long taskId, String sha256);
}
