/**
 * The registry's basic-data changes and record histories over HTTP (DATA-6, DATA-8), persons shown masked, refusals as RFC 9457 problem details.
 */
package org.vigil.registry.web;
