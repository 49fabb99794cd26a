package org.vigil.certification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.certification.PolicyBook;

/** The policy the monthly runs decide under: the versions shipped with Vigil (CERT-3). */
@Configuration(proxyBeanMethods = false)
class CertificationConfiguration {

    @Bean
    PolicyBook certificationPolicies() {
        return PolicyBook.classpath(PolicyBook.DEFAULT);
    }
}
