package org.vigil.governance.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text sent to the API holds no control characters (DATA-15): JSON strings none but tab, line feed
 * and carriage return, query and form parameters none at all. PostgreSQL cannot store a NUL: one in
 * a parameter or a JSON string went as far as the database and came back as a server error (found
 * by {@code SecurityProbeTest}); the other control characters have no place in a name, a code or a
 * note and can hide text from whoever reads it. Parameters are refused by Spring Security's
 * firewall with a 400 before any controller runs, JSON strings by their deserializer, which makes
 * the body unreadable, a 400 problem of the operation. Paths were already refused by the firewall;
 * uploaded files are not touched, their readers judge their bytes themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ControlCharacterGuard {

    /** Whether the text is free of control characters other than tab, line feed and carriage return. */
    static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Spring Security's strict firewall, picked up by the filter chain, with parameter values
     * checked too: no control character at all, since codes, filters and names never span lines
     * and a line break in one could forge a line of the log that quotes it.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.chars().noneMatch(Character::isISOControl));
        return firewall;
    }

    /** Registered by Spring Boot with the JSON mapper that reads request bodies. */
    @Bean
    JacksonModule controlCharacterStrings() {
        return new SimpleModule("vigil-control-characters").addDeserializer(String.class, new CleanStrings());
    }

    /** The standard string deserializer, refusing control characters; the value itself is not repeated. */
    static final class CleanStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !clean(value)) {
                throw MismatchedInputException.from(parser, String.class,
                        "text may not contain control characters other than tab and line breaks / 文本不得含控制字符");
            }
            return value;
        }
    }
}
