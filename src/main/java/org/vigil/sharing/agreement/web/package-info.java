/**
 * The REST API of the provider registry and the agreement register: {@code /api/providers} and
 * {@code /api/agreements}. Thin: it turns JSON and multipart requests into the register's calls
 * and its refusals into RFC 9457 problem details; every rule lives in the register.
 */
package org.vigil.sharing.agreement.web;
