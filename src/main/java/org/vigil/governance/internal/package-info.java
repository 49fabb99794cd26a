/**
 * How governance keeps its promises: keys in files, the audit chain in PostgreSQL.
 */
package org.vigil.governance.internal;
