/**
 * The staff session over HTTP: log in with password and one-time code, see who is logged in, log out.
 */
package org.vigil.governance.web;
