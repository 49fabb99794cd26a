package org.vigil.sharing.agreement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;

/**
 * The whole application on a throw-away embedded PostgreSQL, with the real feed catalogue, a
 * clock fixed at {@link AgreementTestConfiguration#TODAY} and a scan store in a temporary folder.
 * Every test class of providers and agreements uses exactly this, so they share one application
 * context and one database; each test registers providers under its own codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(AgreementTestConfiguration.class)
@TestPropertySource(properties = "vigil.sharing.agreement-dir=${java.io.tmpdir}/vigil-test-agreements-${random.uuid}")
public @interface AgreementIntegrationTest {
}
