package org.vigil.registry.change;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;

/**
 * The whole application on a throw-away embedded PostgreSQL with a clock the tests move, so that
 * versions begin on the days a test says. Every change test class uses exactly this, so they share
 * one application context and one database; each test loads persons and employers of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(ChangeTestConfiguration.class)
@TestPropertySource(properties = "vigil.test.database=changes")
public @interface ChangeIntegrationTest {
}
