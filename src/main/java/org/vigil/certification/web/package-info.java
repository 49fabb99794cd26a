/**
 * The monthly runs, the three lists and the explanation of a person's decisions over HTTP, with
 * RFC 9457 problem details for bad requests.
 */
package org.vigil.certification.web;
