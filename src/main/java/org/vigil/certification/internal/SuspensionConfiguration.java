package org.vigil.certification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.certification.SuspensionPolicies;

/** The suspension policy the batches are built under: the versions shipped with Vigil (CERT-16). */
@Configuration(proxyBeanMethods = false)
class SuspensionConfiguration {

    @Bean
    SuspensionPolicies suspensionPolicies() {
        return SuspensionPolicies.classpath(SuspensionPolicies.DEFAULT);
    }
}
