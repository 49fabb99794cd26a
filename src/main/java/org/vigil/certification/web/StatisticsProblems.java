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
import org.vigil.certification.AdHocStatistics.Dimension;
import org.vigil.certification.AdHocStatistics.Measure;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.EligibilityStatus;

/**
 * Bad requests for ad-hoc statistics as RFC 9457 problems: a term outside the vocabulary, a month
 * range too long or backwards, too many groupings, a district that is not a code, a missing
 * purpose. What was sent is not repeated: it may be anything. Refusals (no right, not approved,
 * already run) are governance's disclosure problems.
 */
@RestControllerAdvice(assignableTypes = StatisticsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem("parameter " + e.getName() + " is not a whole number / 须为整数");
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
        return problem("the request body is not JSON of the expected form: measure one of " + List.of(Measure.values())
                + ", groupBy of " + List.of(Dimension.values()) + ", status one of " + List.of(EligibilityStatus.values())
                + ", benefit one of " + List.of(BenefitKind.values()) + ", months as 2026-11, text without control "
                + "characters / 请求内容格式有误");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(CertificationProblems.TITLE);
        return problem;
    }
}
