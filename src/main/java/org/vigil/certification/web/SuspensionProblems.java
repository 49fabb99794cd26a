package org.vigil.certification.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad requests to the suspension API as RFC 9457 problem details, titled in English and Chinese,
 * the detail naming the parameter: a month that is no month, an unknown status or kind, a district
 * code of the wrong length, a page out of range.
 */
@RestControllerAdvice(assignableTypes = SuspensionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SuspensionProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(CertificationProblems.TITLE);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = switch (e.getName()) {
            case "month" -> "a month as yyyy-MM / 月份格式为 yyyy-MM";
            case "status" -> "PENDING, APPROVED or RELEASED / 状态须为 PENDING、APPROVED 或 RELEASED";
            case "kind" -> "SUSPEND or RESTORE / 指令须为 SUSPEND 或 RESTORE";
            default -> "a whole number / 须为整数";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getName() + " is '" + e.getValue() + "', expected " + expected);
        problem.setTitle(CertificationProblems.TITLE);
        problem.setProperty("parameter", e.getName());
        return problem;
    }
}
