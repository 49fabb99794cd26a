/**
 * The REST API of data quality under {@code /api/quality}: metrics per provider, thresholds,
 * overdue deliveries and the monthly check, rectification notices and the yearly evaluation.
 * Thin: request and response records, bean validation, refusals as RFC 9457 problem details;
 * every rule lives in the quality package.
 */
package org.vigil.sharing.quality.web;
