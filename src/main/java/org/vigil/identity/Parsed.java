package org.vigil.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading an untrusted value: either the valid value or a {@link Rejection}
 * naming why it was refused. Bad input is an expected outcome in department files, so it is
 * returned, never thrown.
 *
 * @param <T> the type of the valid value
 */
public sealed interface Parsed<T> permits Parsed.Valid, Parsed.Invalid {

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(RejectionReason reason, String detail) {
        return new Invalid<>(new Rejection(reason, detail));
    }

    static <T> Parsed<T> invalid(Rejection rejection) {
        return new Invalid<>(rejection);
    }

    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    /** The value, or empty when the input was rejected. */
    default Optional<T> toOptional() {
        return this instanceof Valid<T> v ? Optional.of(v.value()) : Optional.empty();
    }

    /** The rejection, or empty when the input was valid. */
    default Optional<Rejection> problem() {
        return this instanceof Invalid<T> i ? Optional.of(i.rejection()) : Optional.empty();
    }

    default <R> Parsed<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Valid<T> v) {
            return new Valid<>(mapper.apply(v.value()));
        }
        return new Invalid<>(((Invalid<T>) this).rejection());
    }

    default <R> Parsed<R> flatMap(Function<? super T, Parsed<R>> mapper) {
        if (this instanceof Valid<T> v) {
            return mapper.apply(v.value());
        }
        return new Invalid<>(((Invalid<T>) this).rejection());
    }

    /**
     * The value, for callers that have already established the input is valid (generated data,
     * values read back from Vigil's own store). Input from outside goes through {@link #toOptional()} or a switch.
     *
     * @throws InvalidValueException when the input was rejected
     */
    default T orElseThrow() {
        if (this instanceof Valid<T> v) {
            return v.value();
        }
        throw new InvalidValueException(((Invalid<T>) this).rejection());
    }

    record Valid<T>(T value) implements Parsed<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(Rejection rejection) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
