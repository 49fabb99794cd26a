/**
 * The overpayment cases in the recovery schema and the listeners that open and cancel them from
 * the certification module's events.
 */
package org.vigil.recovery.internal;
