package org.vigil.governance.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.governance.StaffPrincipal;
import org.vigil.runtime.DataScope;

/**
 * Binds the session's data scope to the request (DATA-3, ADR 0026), so every connection the
 * request takes carries it and PostgreSQL's row-level security limits what any query of the
 * request can reach. A request without a session gets no rows at all.
 */
final class JurisdictionFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        DataScope scope = a != null && a.getPrincipal() instanceof StaffPrincipal p ? p.scope() : DataScope.nothing();
        try (DataScope.Binding binding = DataScope.bind(scope)) {
            chain.doFilter(request, response);
        }
    }
}
