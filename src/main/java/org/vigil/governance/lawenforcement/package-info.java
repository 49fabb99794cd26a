/**
 * The law-enforcement access register (DATA-11, 004 第十二条): who asked for which persons' data,
 * on what approval, who approved it, and every item released while the access window was open.
 *
 * <p>A named interface of the governance module so that a module producing the data for a request
 * can check and record its release here; the work is done in {@code lawenforcement.internal}.
 */
@NamedInterface("lawenforcement")
package org.vigil.governance.lawenforcement;

import org.springframework.modulith.NamedInterface;
