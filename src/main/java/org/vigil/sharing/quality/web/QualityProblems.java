package org.vigil.sharing.quality.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigil.sharing.quality.QualityException;

/**
 * Refusals of the quality API as RFC 9457 problem details, typed by kind of refusal. Other errors
 * of these controllers (unreadable JSON, a bad query parameter) get Spring Boot's standard ones.
 */
@RestControllerAdvice(assignableTypes = {QualityController.class, ThresholdController.class,
        RectificationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class QualityProblems {

    static final String TYPE_PREFIX = "urn:vigil:problem:quality:";

    @ExceptionHandler(QualityException.class)
    ProblemDetail refused(QualityException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(type(e.kind().name()));
        problem.setTitle(switch (e.kind()) {
            case INVALID -> "The request has invalid values";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflicts with what is recorded";
        });
        return problem;
    }

    /** Bean-validation failures of a request body, each field with the constraint it failed. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of(
                        "field", f.getField(),
                        "code", f.getCode() == null ? "INVALID" : f.getCode(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.size() + " field(s) of the request are invalid");
        problem.setType(type(QualityException.Kind.INVALID.name()));
        problem.setTitle("The request has invalid values");
        problem.setProperty("violations", violations);
        return problem;
    }

    private static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
