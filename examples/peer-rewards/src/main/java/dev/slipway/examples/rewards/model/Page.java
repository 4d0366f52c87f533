package dev.slipway.examples.rewards.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first.
 *
 * @param items the page
 * @param next  an opaque token for the following page, or {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
