package org.vigil.registry.change;

/**
 * The cross-department check recorded when a change under manual review is approved: which
 * department confirmed the new value and by which document (a household-registration extract, a
 * business-licence query receipt), so an auditor can find the evidence.
 *
 * @param reference the document's number or title, as the approver has it in front of them
 */
public record CrossCheck(CheckingDepartment department, String reference) {

    public static final int MAX_REFERENCE = 200;

    public CrossCheck {
        if (department == null) {
            throw new IllegalArgumentException("a cross-department check names the department that confirmed the value "
                    + "/ 跨部门核验须注明核验部门");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a cross-department check names the document that confirmed the value "
                    + "/ 跨部门核验须注明核验凭据");
        }
        reference = reference.strip();
        if (reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("the check's reference is at most " + MAX_REFERENCE + " characters");
        }
    }
}
