package org.vigil.sharing.agreement.web;

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
import org.vigil.sharing.agreement.RegisterException;
import org.vigil.sharing.agreement.RegisterProblem;

/**
 * Refusals of the registry and the register as RFC 9457 problem details: the status from the kind
 * of refusal, and a {@code violations} member listing each field, its reason code and the reason in
 * English and Chinese, so a form can mark every wrong field at once. Other errors of these
 * controllers (unreadable JSON, a bad date in a query) get Spring Boot's standard problem details.
 */
@RestControllerAdvice(assignableTypes = {ProviderController.class, AgreementController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SharingProblems {

    static final String TYPE_PREFIX = "urn:vigil:problem:sharing:";

    @ExceptionHandler(RegisterException.class)
    ProblemDetail refused(RegisterException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(type(e.kind()));
        problem.setTitle(title(e.kind()));
        problem.setProperty("violations", e.violations().stream().map(v -> Map.of(
                "field", v.field(),
                "code", v.code(),
                "message", v.message(),
                "messageChinese", v.messageChinese())).toList());
        return problem;
    }

    /** Bean-validation failures of a request body, as violations named after the failed constraint. */
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
        problem.setType(type(RegisterProblem.Kind.INVALID));
        problem.setTitle(title(RegisterProblem.Kind.INVALID));
        problem.setProperty("violations", violations);
        return problem;
    }

    private static URI type(RegisterProblem.Kind kind) {
        return URI.create(TYPE_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String title(RegisterProblem.Kind kind) {
        return switch (kind) {
            case INVALID -> "The request has invalid values";
            case NOT_FOUND -> "Not registered";
            case CONFLICT -> "Conflicts with what is recorded";
        };
    }
}
