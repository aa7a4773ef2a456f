package io.eventplatform.contracts.api;

/** The answer of a change that has nothing more to say, such as a delete: {@code {"data": {"success": true}}}. */
public record Success(boolean success) {

    public static Data<Success> done() {
        return Data.of(new Success(true));
    }
}
