package org.vigil.certification.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad requests to the certification API as RFC 9457 problem details, each title in English and
 * Chinese and the detail naming the parameter: a month that is no month, an unknown list, a
 * division code of the wrong length, a page out of range, an ID number that is not one.
 */
@RestControllerAdvice(assignableTypes = CertificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificationProblems {

    static final String TITLE = "Bad request / 请求有误";

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(TITLE);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = switch (e.getName()) {
            case "month" -> "a month as yyyy-MM / 月份格式为 yyyy-MM";
            case "status" -> "QUALIFIED, DISQUALIFIED or TO_BE_VERIFIED / 名单须为 QUALIFIED、DISQUALIFIED 或 TO_BE_VERIFIED";
            default -> "a whole number / 须为整数";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getName() + " is '" + e.getValue() + "', expected " + expected);
        problem.setTitle(TITLE);
        problem.setProperty("parameter", e.getName());
        return problem;
    }
}
