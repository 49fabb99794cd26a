package org.vigil.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose rows a database connection may touch (DATA-3, ADR 0026). PostgreSQL enforces it: every
 * connection Vigil hands out carries the scope of the thread that asked for it in the setting
 * {@value #SETTING}, and the row-level security policies of the modules' tables read it. A web
 * request binds the scope of its staff account for its whole length; work that no user started
 * (the monthly run, the command line, schedules) runs at {@link #system()} scope. A connection
 * with no scope set sees nothing.
 */
public final class DataScope {

    /** The PostgreSQL setting the policies read. */
    public static final String SETTING = "vigil.scope";

    private static final Pattern REGION_PREFIX = Pattern.compile("[0-9]{2,12}");
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final ThreadLocal<DataScope> BOUND = new ThreadLocal<>();
    private static final DataScope SYSTEM = new DataScope("*");
    private static final DataScope NOTHING = new DataScope("-");

    private final String setting;

    private DataScope(String setting) {
        this.setting = setting;
    }

    /** Everything: work the system does on its own account. */
    public static DataScope system() {
        return SYSTEM;
    }

    /** No rows at all: a request without a staff session. */
    public static DataScope nothing() {
        return NOTHING;
    }

    /**
     * The rows of people and places within a division, named by the leading digits every code in
     * it shares: {@code 2202} for a city, {@code 220202} for a district, 9 digits for a street, 12
     * for a community.
     */
    public static DataScope region(String prefix) {
        if (prefix == null || !REGION_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a region prefix is 2 to 12 digits, found " + prefix);
        }
        return new DataScope("R:" + prefix);
    }

    /** A department's own deliveries and nothing of the people. */
    public static DataScope provider(String code) {
        if (code == null || !PROVIDER.matcher(code).matches()) {
            throw new IllegalArgumentException("not a provider code: " + code);
        }
        return new DataScope("P:" + code);
    }

    /** The scope of the current thread: the one bound, or the system's when none is. */
    public static DataScope current() {
        DataScope bound = BOUND.get();
        return bound != null ? bound : SYSTEM;
    }

    /**
     * Binds a scope to the current thread until the returned binding is closed, which restores
     * what was bound before.
     */
    public static Binding bind(DataScope scope) {
        Objects.requireNonNull(scope, "scope");
        DataScope previous = BOUND.get();
        BOUND.set(scope);
        return () -> {
            if (previous == null) {
                BOUND.remove();
            }
            else {
                BOUND.set(previous);
            }
        };
    }

    /** The value of {@value #SETTING} for this scope. */
    public String setting() {
        return setting;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataScope s && s.setting.equals(setting);
    }

    @Override
    public int hashCode() {
        return setting.hashCode();
    }

    @Override
    public String toString() {
        return setting;
    }

    /** Ends a binding; closing never fails. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
