package org.vigil.governance.disclosure.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits of disclosure and export, bound from {@code vigil.disclosure.*} and {@code vigil.export.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DisclosureSettings.DisclosureProperties.class, DisclosureSettings.ExportProperties.class})
class DisclosureConfiguration {

    @Bean
    DisclosureSettings disclosureSettings(DisclosureSettings.DisclosureProperties disclosure,
            DisclosureSettings.ExportProperties export) {
        return new DisclosureSettings(disclosure, export);
    }
}
