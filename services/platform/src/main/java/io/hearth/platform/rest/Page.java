package io.hearth.platform.rest;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list; pass {@code nextCursor} as {@code after} to get the next one. It is absent on the last page. */
@Schema(requiredProperties = "items")
public record Page<T>(@Schema(description = "This page's items, in the list's order") List<T> items,
        @Schema(description = "Opaque cursor for the next page, absent on the last page") String nextCursor) {

    /**
     * A page from up to {@code limit + 1} rows fetched in cursor order: the extra row only tells that more follow.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, String> cursorOf, Function<R, T> map) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(map).toList(), next);
    }
}
