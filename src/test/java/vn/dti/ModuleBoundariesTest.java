package vn.dti;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are application modules: no cycles, and no reaching into another module's internals. */
class ModuleBoundariesTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(DtiPlatformApplication.class).verify();
    }
}
