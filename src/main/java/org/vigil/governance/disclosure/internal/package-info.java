/**
 * How disclosures are kept: accesses, alerts and export requests in the governance schema, each act recorded in the audit chain.
 */
package org.vigil.governance.disclosure.internal;
