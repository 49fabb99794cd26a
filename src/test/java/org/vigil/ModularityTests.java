package org.vigil;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the module structure: modules reach each other only through their root (API) packages
 * and without cycles. Writes the module diagrams into docs/modules so the docs follow the code.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(VigilApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theRoadmapsModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "sharing", "certification", "registry", "recovery", "governance", "console");
    }

    @Test
    void writesTheModuleDiagramIntoTheDocs() {
        Path docs = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(docs.resolve("components.puml")).exists();
    }
}
