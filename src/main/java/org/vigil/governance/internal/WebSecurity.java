package org.vigil.governance.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Who may call what over HTTP (DATA-3, 等保 level 3): every API but the login needs a staff
 * session; the console's static page loads without one and asks for the login. Sessions are the
 * server's (cookie HttpOnly, SameSite=Strict, 15 minutes idle); state-changing calls carry the
 * CSRF token the page reads from its cookie. Failures answer as RFC 9457 problem details. The
 * command line starts without a web server, and without any of this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(c -> c.spa())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/session").permitAll()
                        .requestMatchers("/api/**", "/v3/api-docs/**", "/swagger-ui/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "Login required / 请先登录", "this call needs a staff session: POST /api/session"))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "Forbidden / 无权操作", "not allowed, or the CSRF token is missing or wrong")))
                .addFilterAfter(new JurisdictionFilter(), AuthorizationFilter.class)
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'")));
        return http.build();
    }
}
