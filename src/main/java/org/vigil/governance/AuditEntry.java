package org.vigil.governance;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One act to be audited: who did what to which subject, for what purpose, with the facts an
 * auditor needs to understand it. The detail is kept in key order so the same act always gives
 * the same bytes, which is what the chain's MAC covers.
 *
 * @param actor   the officer, or {@code system:<job>} for what Vigil does by itself
 * @param subject what the act concerned, e.g. {@code month:2026-11} or {@code batch:2026-11/220202}
 * @param purpose why, where the act needs a stated purpose (seeing personal data in full); else null
 */
public record AuditEntry(String actor, AuditAction action, String subject, String purpose, Map<String, String> detail) {

    public static final int MAX_ACTOR = 200;
    public static final int MAX_SUBJECT = 500;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        actor = bounded("actor", actor, MAX_ACTOR);
        subject = bounded("subject", subject, MAX_SUBJECT);
        if (purpose != null && purpose.isBlank()) {
            throw new IllegalArgumentException("a purpose, when given, must say something");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "detail key"), v));
        }
        detail = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /** An act without a stated purpose. */
    public static AuditEntry of(String actor, AuditAction action, String subject, Map<String, String> detail) {
        return new AuditEntry(actor, action, subject, null, detail);
    }

    private static String bounded(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + name);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException("an audit entry's " + name + " is at most " + max + " characters");
        }
        return v;
    }
}
