package org.vigil.sharing.quality;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigil.VigilIntegrationTest;

/**
 * The whole application on a throw-away embedded PostgreSQL with a clock fixed at
 * {@link QualityTestConfiguration#TODAY}. Every quality test class uses exactly this, so they share
 * one application context and one database; each test uses providers of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilIntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(QualityTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "vigil.sharing.raw-dir=${java.io.tmpdir}/vigil-test-quality-raw/${random.uuid}",
        "vigil.sharing.agreement-dir=${java.io.tmpdir}/vigil-test-quality-agreements/${random.uuid}"})
public @interface QualityIntegrationTest {
}
