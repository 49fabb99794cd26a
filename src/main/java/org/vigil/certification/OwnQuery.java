package org.vigil.certification;

import java.io.InputStream;
import java.util.Objects;

import org.vigil.identity.ResidentId;

/**
 * A person's query of their own record at the window (DATA-9, 004 第十条), in person or through a
 * proxy.
 *
 * @param person the person whose record is asked for
 * @param check  how the staff member verified the identity of whoever stands at the window
 * @param proxy  the proxy, or null when the person asks in person
 * @param note   the staff member's note for the audit log (a ticket number); names no one
 */
public record OwnQuery(ResidentId person, IdentityCheck check, Proxy proxy, String note) {

    public OwnQuery {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(check, "check");
    }

    /**
     * Someone asking for the person with a written authorisation (委托书) and their own ID card.
     *
     * @param relation      the proxy's relation to the person in the proxy's words (配偶, 子女, 邻居)
     * @param authorisation the scanned authorisation: a PDF, JPEG or PNG file
     */
    public record Proxy(String name, ResidentId idNumber, String relation, InputStream authorisation) {
    }
}
