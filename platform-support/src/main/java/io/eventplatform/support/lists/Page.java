package io.eventplatform.support.lists;

import java.util.List;
import java.util.function.Function;

/** One page of a list as a feature returns it, and how many items the whole list has. */
public record Page<T>(List<T> items, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), total);
    }
}
