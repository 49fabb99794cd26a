package org.vigil.sharing.web;

import java.io.UncheckedIOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The deliveries' and review queue's refusals as RFC 9457 problem details: a decision on
 * something not in the state for it is a conflict, a bad argument a bad request, a file that could
 * not be stored a server error; each title in English and Chinese.
 */
@RestControllerAdvice(assignableTypes = {DeliveryController.class, ReviewController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "Not in a state for this / 当前状态不允许此操作", e);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request / 请求有误", e);
    }

    @ExceptionHandler(UncheckedIOException.class)
    ProblemDetail unreadable(UncheckedIOException e) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The file could not be stored / 文件无法保存", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
