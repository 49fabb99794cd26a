package org.vigil.governance.internal;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;

/**
 * Function permissions (DATA-3, ADR 0026): before any of Vigil's REST operations runs, the
 * session's role must grant one of the permissions the operation declares with {@link Allowed}.
 * An operation that declares none is refused to everyone: forgetting the annotation closes an
 * endpoint rather than opening it. Only the login itself runs without a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FunctionPermissions implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FunctionPermissions.class);
    private static final String VIGIL = "org.vigil.";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(VIGIL)) {
            // static pages, the API documentation and the error page: the filter chain decides
            return true;
        }
        Permission[] needed = needed(method);
        Optional<StaffPrincipal> who = principal();
        boolean allowed = who.map(p -> Arrays.stream(needed).anyMatch(p.role()::may))
                .orElseGet(() -> Arrays.asList(needed).contains(Permission.SESSION));
        if (allowed) {
            return true;
        }
        // who and which operation, never the request's parameters: they may hold an ID number
        log.warn("refused {} {} to {}: needs {}", request.getMethod(), method.getMethod().getName(),
                who.map(p -> p.username() + " (" + p.role() + ")").orElse("no session"),
                needed.length == 0 ? "a permission nobody was given" : Arrays.toString(needed));
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden / 无权操作",
                needed.length == 0 ? "this operation is open to no role / 该功能未授权任何角色"
                        : "your role may not do this; it needs " + Arrays.toString(needed) + " / 您的角色无此功能权限");
        return false;
    }

    /** What an operation declares, on the method or else on its controller. */
    static Permission[] needed(HandlerMethod method) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        }
        return allowed == null ? new Permission[0] : allowed.value();
    }

    private static Optional<StaffPrincipal> principal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }
}
