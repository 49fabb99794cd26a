/**
 * The overpayment cases over HTTP for recovery staff.
 */
package org.vigil.recovery.web;
