/**
 * Silent eligibility certification of pension and work-injury benefit recipients (CERT-1..20).
 */
@ApplicationModule(displayName = "Eligibility certification")
package org.vigil.certification;

import org.springframework.modulith.ApplicationModule;
