package org.vigil.governance.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.vigil.governance.lawenforcement.CredentialType;
import org.vigil.governance.lawenforcement.DataCategory;
import org.vigil.governance.lawenforcement.LawEnforcementException;
import org.vigil.governance.lawenforcement.LawEnforcementProblem;

/**
 * Refusals of the law-enforcement register as RFC 9457 problem details: the status from the kind
 * of refusal (a release outside the approved scope or window is a 403), a type naming the reason,
 * the title and detail in English and Chinese, and the field at fault. Bean-validation failures
 * list every field at once, so a form can mark them all.
 */
@RestControllerAdvice(assignableTypes = LawEnforcementController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LawEnforcementProblems {

    static final String TYPE_PREFIX = "urn:vigil:problem:law-enforcement:";
    static final String INVALID_TITLE = "Invalid request / 请求内容有误";

    @ExceptionHandler(LawEnforcementException.class)
    ProblemDetail refused(LawEnforcementException e) {
        LawEnforcementProblem p = e.problem();
        HttpStatus status = switch (p.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN, REFUSED -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + p.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(switch (p.kind()) {
            case INVALID -> INVALID_TITLE;
            case NOT_FOUND -> "Not found / 未找到";
            case CONFLICT -> "Not allowed in the request's state / 与协查登记当前状态冲突";
            case FORBIDDEN -> "Not allowed for this account / 无权办理";
            case REFUSED -> "Release refused / 不予提供数据";
        });
        problem.setProperty("code", p.name());
        problem.setProperty("messageChinese", p.chinese());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "code", f.getCode() == null ? "INVALID" : f.getCode(),
                        "message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, violations.size()
                + " field(s) of the request are invalid: " + String.join(", ", violations.stream()
                        .map(v -> v.get("field")).sorted().toList()) + " / 请求字段有误");
        problem.setType(URI.create(TYPE_PREFIX + "invalid"));
        problem.setTitle(INVALID_TITLE);
        problem.setProperty("violations", violations);
        return problem;
    }

    /** A body that is not JSON, or names a category or credential type that does not exist. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not JSON of the expected form (category one of " + List.of(DataCategory.values())
                        + ", credentialType one of " + List.of(CredentialType.values())
                        + ", times as ISO-8601 with offset) / 请求内容格式有误");
        problem.setType(URI.create(TYPE_PREFIX + "invalid"));
        problem.setTitle(INVALID_TITLE);
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "part " + e.getRequestPartName()
                + " is required (request: the JSON, approval: the approval document's scan) / 缺少 "
                + e.getRequestPartName());
        problem.setType(URI.create(TYPE_PREFIX + "invalid"));
        problem.setTitle(INVALID_TITLE);
        problem.setProperty("field", e.getRequestPartName());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getName() + " is not a whole number / 参数 " + e.getName() + " 须为整数");
        problem.setType(URI.create(TYPE_PREFIX + "invalid"));
        problem.setTitle(INVALID_TITLE);
        problem.setProperty("field", e.getName());
        return problem;
    }
}
