/** How certification keeps its policy, recipients and decisions: loaders, PostgreSQL access and the monthly engines. */
package org.vigil.certification.internal;
