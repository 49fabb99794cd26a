/**
 * Overpayment recovery, tip-offs and credit records for fraudulent claims (SHARE-7, SHARE-8).
 */
@ApplicationModule(displayName = "Recovery")
package org.vigil.recovery;

import org.springframework.modulith.ApplicationModule;
