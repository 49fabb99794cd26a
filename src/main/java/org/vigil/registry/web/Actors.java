package org.vigil.registry.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.vigil.governance.StaffPrincipal;
import org.vigil.registry.change.ChangeActor;

/** The logged-in staff account of a request, as the change service takes it. */
final class Actors {

    private Actors() {
    }

    /**
     * The session's account. The security chain lets no request without a session reach a
     * controller; a principal of another kind (a test's, an integration's) still gets no change made.
     */
    static ChangeActor of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return ChangeActor.of(principal);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "this call needs a staff session: POST /api/session / 请先登录");
        problem.setTitle("Login required / 请先登录");
        problem.setType(URI.create("urn:vigil:problem:401"));
        return throwing(new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null));
    }

    private static ChangeActor throwing(ErrorResponseException e) {
        throw e;
    }
}
