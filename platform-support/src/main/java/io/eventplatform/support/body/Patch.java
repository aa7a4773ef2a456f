package io.eventplatform.support.body;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One property of a JSON merge-patch: absent (leave it as it is), {@code null} (clear it) or a value. A PATCH
 * request record declares its properties as {@code Patch<T>}; Bean Validation constraints on the type argument
 * ({@code Patch<@TextLength(max = 200) String>}) apply to the value when there is one.
 */
public final class Patch<T> {

    private static final Patch<?> ABSENT = new Patch<>(false, null);
    private static final Patch<?> CLEARED = new Patch<>(true, null);

    private final boolean present;
    private final @Nullable T value;

    private Patch(boolean present, @Nullable T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> cleared() {
        return (Patch<T>) CLEARED;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, Objects.requireNonNull(value));
    }

    /** The property was in the body (with a value or null). */
    public boolean isPresent() {
        return present;
    }

    /** The property was in the body as {@code null}. */
    public boolean isCleared() {
        return present && value == null;
    }

    /** The property was in the body with a value. */
    public boolean hasValue() {
        return value != null;
    }

    /** The value; null when absent or cleared. */
    public @Nullable T value() {
        return value;
    }

    /** The value if there is one, else {@code otherwise}. */
    public @Nullable T orElse(@Nullable T otherwise) {
        return value != null ? value : otherwise;
    }

    public <U> Patch<U> map(Function<? super T, ? extends U> mapper) {
        return value == null ? absentOrCleared() : Patch.of(mapper.apply(value));
    }

    @SuppressWarnings("unchecked")
    private <U> Patch<U> absentOrCleared() {
        return (Patch<U>) this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> patch && patch.present == present && Objects.equals(patch.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return !present ? "Patch.absent" : value == null ? "Patch.cleared" : "Patch[" + value + "]";
    }
}
