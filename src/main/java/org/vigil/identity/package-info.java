/**
 * The identity kernel: value types every module shares (citizen IDs, credit codes, division codes, names, phones, dates), each validating on construction.
 */
@ApplicationModule(displayName = "Identity kernel", type = ApplicationModule.Type.OPEN)
package org.vigil.identity;

import org.springframework.modulith.ApplicationModule;
