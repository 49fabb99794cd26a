package org.vigil.certification.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.IdentityCheck;
import org.vigil.certification.ExportScope;
import org.vigil.certification.LedgerKind;
import org.vigil.governance.disclosure.Purpose;

/**
 * Bad requests to reveal, export or answer an own query as RFC 9457 problems: a missing purpose, an
 * unknown purpose, kind, list, ledger or identity check, a division code of the wrong length, a month
 * not verified, a proxy query without its authorisation. Refusals (no right, quota
 * used up, not approved) are governance's problems and are answered there.
 */
@RestControllerAdvice(assignableTypes = {IdentityController.class, CertificationExportController.class,
        OwnQueryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem("parameter " + e.getName() + " is '" + e.getValue() + "', expected a whole number"
                + " / 须为整数");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "code", f.getCode() == null ? "INVALID" : f.getCode(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(violations.size() + " field(s) of the request are invalid: " + String.join(", ",
                violations.stream().map(v -> v.get("field")).sorted().toList()) + " / 请求字段有误");
        problem.setProperty("violations", violations);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        return problem("the request body is not JSON of the expected form (purpose one of " + List.of(Purpose.values())
                + ", kind one of " + List.of(ExportScope.Kind.values()) + ", status one of "
                + List.of(EligibilityStatus.values()) + ", ledger one of " + List.of(LedgerKind.values())
                + ", identityCheck one of " + List.of(IdentityCheck.values()) + "): "
                + (cause == null ? "" : cause.lines().findFirst().orElse("")) + " / 请求内容格式有误");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(CertificationProblems.TITLE);
        return problem;
    }
}
