package io.eventplatform.support.body;

import io.eventplatform.support.validation.FieldErrors;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A request body read into a record, with what was wrong with it. Properties the record does not declare
 * ("cannot be set"), values of the wrong JSON type, and the record's Bean Validation constraints become
 * {@link #problems()} at their field paths instead of an exception, and the value holds {@code null} (or
 * {@link Patch#absent()}) where a property did not fit. The feature decides when to answer them: after the
 * checks that come first in docs/api.md (404, 403), together with its own 422s, by {@link FieldErrors#throwIfAny()}.
 *
 * <p>A controller declares {@code @RequestBody Submitted<CreateRoomRequest> body}; {@link #map} turns the request
 * into the feature's command, keeping the problems.
 */
@JsonDeserialize(using = SubmittedDeserializer.class)
public final class Submitted<T> {

    private final Supplier<T> value;
    private final FieldErrors problems;

    Submitted(T value, FieldErrors problems) {
        this(() -> value, problems);
    }

    private Submitted(Supplier<T> value, FieldErrors problems) {
        this.value = value;
        this.problems = problems;
    }

    /** Reads {@code body} into the record {@code type} (for bodies that arrive some other way, and for tests). */
    public static <T extends Record> Submitted<T> read(JsonNode body, Class<T> type) {
        return RecordReader.read(body, type);
    }

    /** A value built by the service itself (seed data, tests), with nothing to report. */
    public static <T> Submitted<T> of(T value) {
        return new Submitted<>(value, new FieldErrors());
    }

    /** The body of a request that sent none: every property absent. */
    public static <T extends Record> Submitted<T> empty(Class<T> type) {
        return RecordReader.read(JsonNodeFactory.instance.objectNode(), type);
    }

    /** What was read; where a property did not fit, null or absent. Check {@link #problems()} before trusting it. */
    public T value() {
        return value.get();
    }

    /** What did not fit, by field path; the feature adds its own findings and throws them all at once. */
    public FieldErrors problems() {
        return problems;
    }

    /** The value, or 422 with the problems. */
    public T valid() {
        problems.throwIfAny();
        return value.get();
    }

    /**
     * The same submission as another type (a request as the feature's command); the problems stay with it. The
     * mapping runs when the value is asked for, so after {@link #valid()} it sees only values that fit.
     */
    public <U> Submitted<U> map(Function<? super T, ? extends U> mapper) {
        Supplier<T> source = value;
        return new Submitted<>(() -> mapper.apply(source.get()), problems);
    }

    @Override
    public String toString() {
        // never the value: a body may carry a secret
        return problems.isEmpty() ? "Submitted[fits]" : "Submitted[with problems]";
    }
}
