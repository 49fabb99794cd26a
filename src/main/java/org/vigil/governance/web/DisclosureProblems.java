package org.vigil.governance.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigil.governance.disclosure.DisclosureRefusedException;

/**
 * A refused disclosure or export as an RFC 9457 problem, wherever the API refused it (the
 * certification module's reveal and export calls too): 403 for a role that may not, 429 for a
 * quota used up, 404 for a request that is not the caller's, 409 for a step the request's state
 * does not allow, 400 for a request without a purpose. The bad requests of this package's own
 * controllers are answered here too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DisclosureProblems {

    @ExceptionHandler(DisclosureRefusedException.class)
    ProblemDetail refused(DisclosureRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case QUOTA_EXCEEDED -> HttpStatus.TOO_MANY_REQUESTS;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.reason()) {
            case NOT_PERMITTED -> "Not allowed / 无权操作";
            case INVALID -> "Bad request / 请求有误";
            case QUOTA_EXCEEDED -> "Quota used up / 已达当日上限";
            case NOT_FOUND -> "Not found / 未找到";
            case CONFLICT -> "Not allowed in the request's state / 与申请当前状态冲突";
        });
        problem.setType(URI.create("urn:vigil:problem:disclosure-" + e.reason().name().toLowerCase().replace('_', '-')));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    /** Applies to this package's controllers only: the other modules answer their own bad requests. */
    @RestControllerAdvice(assignableTypes = {ExportRequestController.class, DisclosureAlertController.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class BadRequests {

        @ExceptionHandler(IllegalArgumentException.class)
        ProblemDetail badRequest(IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Bad request / 请求有误");
            return problem;
        }

        @ExceptionHandler(MethodArgumentNotValidException.class)
        ProblemDetail invalidBody(MethodArgumentNotValidException e) {
            List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "message",
                            f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                    .toList();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    violations.size() + " field(s) of the request are invalid / 请求字段有误");
            problem.setTitle("Bad request / 请求有误");
            problem.setProperty("violations", violations);
            return problem;
        }
    }
}
