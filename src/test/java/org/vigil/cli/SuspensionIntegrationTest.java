package org.vigil.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;

/**
 * The whole application on a database of its own, with a clock fixed at
 * {@link SuspensionTestConfiguration#TODAY}. A suspension batch takes in every recipient of the
 * month, so these tests keep away from the recipients other test classes load: the breaker's
 * shares and who is in a batch are then exactly what the tests set up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(SuspensionTestConfiguration.class)
@TestPropertySource(properties = "vigil.sharing.agreement-dir=${java.io.tmpdir}/vigil-test-suspensions-${random.uuid}")
public @interface SuspensionIntegrationTest {
}
