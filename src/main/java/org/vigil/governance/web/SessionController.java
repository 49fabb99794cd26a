package org.vigil.governance.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.LoginOutcome;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;

/**
 * Staff log in with username, password and the authenticator's code in one step (DATA-3): a
 * session exists only once both factors passed, so a stolen password alone never yields one.
 */
@RestController
@Allowed(Permission.SESSION)
@RequestMapping("/api/session")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionController {

    private final StaffDirectory staff;
    private final SecurityContextRepository contexts;

    SessionController(StaffDirectory staff, SecurityContextRepository contexts) {
        this.staff = staff;
        this.contexts = contexts;
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 16) String code) {
    }

    record SessionView(String username, String displayName, String role, String roleChinese, String region,
            String provider) {

        static SessionView of(StaffPrincipal p) {
            return new SessionView(p.username(), p.displayName(), p.role().name(), p.role().chinese(), p.region(),
                    p.provider());
        }
    }

    @PostMapping
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        LoginOutcome outcome = staff.login(body.username(), body.password().toCharArray(), body.code());
        if (!outcome.succeeded()) {
            // the same answer for an unknown name, a wrong password, a wrong code and a lockout
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "用户名、密码或动态口令错误；连续失败多次将锁定账号 / wrong username, password or code; repeated "
                            + "failures lock the account");
            problem.setTitle("Login failed / 登录失败");
            problem.setType(URI.create("urn:vigil:problem:login-failed"));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            // a new session id at login: a session fixed by someone else before the login is worth nothing
            old.invalidate();
        }
        request.getSession(true);
        StaffPrincipal principal = StaffPrincipal.from(outcome.account());
        Authentication authentication = new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(SessionView.of(principal));
    }

    @GetMapping
    SessionView current(Authentication authentication) {
        return SessionView.of((StaffPrincipal) authentication.getPrincipal());
    }

    @DeleteMapping
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }
}
