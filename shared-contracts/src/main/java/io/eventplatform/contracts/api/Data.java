package io.eventplatform.contracts.api;

/**
 * The answer of one resource: {@code {"data": ...}} (docs/api.md "Envelope"). Typed, so that a service's OpenAPI
 * document shows what {@code data} holds; lists add {@code meta} in their own type.
 */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
