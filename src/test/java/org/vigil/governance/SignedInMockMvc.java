package org.vigil.governance;

import java.util.List;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tests of what the API does, not of who may call it, send their requests as the signed-in city
 * administrator (the role with every business permission, city-wide) with a valid CSRF token.
 * The tests of the login and of access control build their own MockMvc without these defaults
 * (SessionSecurityTest, AuthorisationMatrixTest).
 */
@Configuration(proxyBeanMethods = false)
public class SignedInMockMvc {

    public static final StaffPrincipal OFFICER = new StaffPrincipal(0, "test.officer", "测试经办人",
            StaffRole.CITY_ADMINISTRATOR, "220200", null);

    @Bean
    MockMvcBuilderCustomizer signedInOfficer() {
        UsernamePasswordAuthenticationToken token = new UsernamePasswordAuthenticationToken(OFFICER, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + OFFICER.role().name())));
        return builder -> builder.defaultRequest(get("/").with(authentication(token)).with(csrf()));
    }
}
