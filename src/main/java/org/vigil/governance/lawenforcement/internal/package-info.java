/**
 * How the law-enforcement register keeps its promises: PostgreSQL rows with ID and credential numbers sealed by the key service.
 */
package org.vigil.governance.lawenforcement.internal;
