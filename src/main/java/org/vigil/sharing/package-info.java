/**
 * Department data sharing: providers, agreements, feeds and their ingestion (SHARE-1..10).
 */
@ApplicationModule(displayName = "Data sharing")
package org.vigil.sharing;

import org.springframework.modulith.ApplicationModule;
