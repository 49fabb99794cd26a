package org.vigil.certification.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.vigil.certification.TaskException;
import org.vigil.certification.TaskStatus;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationResult;

/**
 * Bad requests to the certification API as RFC 9457 problem details, each title in English and
 * Chinese and the detail naming the parameter: a month that is no month, an unknown list or ledger,
 * a division code of the wrong length, a page out of range, an ID number that is not one, a request
 * body missing a field or with an unknown method or result. A task that does not exist is a 404;
 * a change its state does not allow (recording twice, changing a done task) a 409.
 */
@RestControllerAdvice(assignableTypes = {CertificationController.class, LedgerController.class, TaskController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificationProblems {

    static final String TITLE = "Bad request / 请求有误";
    static final String CONFLICT = "Not allowed in the task's state / 与任务当前状态冲突";

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(TITLE);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == TaskStatus.class
                ? "OPEN, ASSIGNED or DONE / 任务状态须为 OPEN、ASSIGNED 或 DONE"
                : switch (e.getName()) {
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

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getParameterName() + " is required / 缺少参数 " + e.getParameterName());
        problem.setTitle(TITLE);
        problem.setProperty("parameter", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "part " + e.getRequestPartName() + " of the upload is required / 缺少上传文件 " + e.getRequestPartName());
        problem.setTitle(TITLE);
        return problem;
    }

    /** Bean-validation failures of a request body, each field with the constraint it failed. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "code", f.getCode() == null ? "INVALID" : f.getCode(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violations.size()
                + " field(s) of the request are invalid: " + String.join(", ", violations.stream()
                        .map(v -> v.get("field")).sorted().toList()) + " / 请求字段有误");
        problem.setTitle(TITLE);
        problem.setProperty("violations", violations);
        return problem;
    }

    /** A body that is not JSON, or names a method or result that does not exist. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String first = cause == null ? "" : cause.lines().findFirst().orElse("");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not JSON of the expected form (method one of "
                        + List.of(VerificationMethod.values()) + ", result one of " + List.of(VerificationResult.values())
                        + "): " + first + " / 请求内容格式有误");
        problem.setTitle(TITLE);
        return problem;
    }

    @ExceptionHandler(TaskException.class)
    ProblemDetail refused(TaskException e) {
        HttpStatus status = e.kind() == TaskException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.kind() == TaskException.Kind.NOT_FOUND ? "Not found / 未找到" : CONFLICT);
        return problem;
    }
}
