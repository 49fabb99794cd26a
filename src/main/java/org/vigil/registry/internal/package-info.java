/**
 * The registry's implementation: PostgreSQL access, baseline loads and the in-memory person index.
 * Other modules reach none of it; they use the interfaces of {@code org.vigil.registry}.
 */
package org.vigil.registry.internal;
