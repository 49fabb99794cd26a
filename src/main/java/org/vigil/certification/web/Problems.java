package org.vigil.certification.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem details the certification controllers throw themselves. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found / 未找到");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
