/**
 * Implementations behind the kernel's interfaces (pinyin, script conversion) that no other module may reach.
 */
package org.vigil.identity.internal;
