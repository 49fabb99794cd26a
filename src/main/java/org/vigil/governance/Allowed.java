package org.vigil.governance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST operation or a command needs (DATA-3): a staff account whose role grants
 * any one of them may call it. An operation without this annotation is refused to everyone, so a
 * new endpoint is closed until someone decides who may use it (ADR 0026).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Allowed {

    Permission[] value();
}
