/**
 * The vigil command line: subcommands for staff, operators and developers.
 */
@ApplicationModule(displayName = "Command line")
package org.vigil.cli;

import org.springframework.modulith.ApplicationModule;
