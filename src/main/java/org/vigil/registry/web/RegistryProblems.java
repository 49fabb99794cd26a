package org.vigil.registry.web;

import java.net.URI;
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
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeRefusedException;
import org.vigil.registry.change.ChangeStatus;
import org.vigil.registry.change.CheckingDepartment;

/**
 * The registry API's refusals as RFC 9457 problem details, titles in English and Chinese: an
 * unknown request or record is a 404, a value the kernel refuses or a missing cross-department
 * check a 400, a step the account's post may not take (the applicant approving their own request,
 * a district approving a batch) a 403, a step the request's state does not allow or a record
 * changed in between a 409. The type names the kind, for clients to tell them apart.
 */
@RestControllerAdvice(assignableTypes = {ChangeRequestController.class, RecordController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    static final String BAD_REQUEST = "Bad request / 请求有误";

    @ExceptionHandler(ChangeRefusedException.class)
    ProblemDetail refused(ChangeRefusedException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found / 未找到", "not-found", e.getMessage());
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "Change refused / 变更不予受理", "invalid", e.getMessage());
            case NOT_PERMITTED -> problem(HttpStatus.FORBIDDEN, "Not this post's step / 无权办理此环节", "not-permitted",
                    e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Not in a state for this / 当前状态不允许此操作", "conflict",
                    e.getMessage());
        };
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "invalid", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String expected = "status".equals(e.getName()) ? "one of " + List.of(ChangeStatus.values()) : "a whole number / 须为整数";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "invalid",
                "parameter " + e.getName() + " is '" + e.getValue() + "', expected " + expected);
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    /** Bean-validation failures of a request body, each field with the constraint it failed. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "code", f.getCode() == null ? "INVALID" : f.getCode(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "invalid", violations.size()
                + " field(s) of the request are invalid: " + String.join(", ", violations.stream()
                        .map(v -> v.get("field")).sorted().toList()) + " / 请求字段有误");
        problem.setProperty("violations", violations);
        return problem;
    }

    /** A body that is not JSON, or names a field or department that does not exist. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String first = cause == null ? "" : cause.lines().findFirst().orElse("");
        return problem(HttpStatus.BAD_REQUEST, BAD_REQUEST, "invalid", "the request body is not JSON of the expected form "
                + "(field one of " + List.of(ChangeField.values()) + ", department one of "
                + List.of(CheckingDepartment.values()) + "): " + first + " / 请求内容格式有误");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:vigil:problem:registry:" + type));
        return problem;
    }
}
