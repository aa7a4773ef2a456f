package io.eventplatform.support.lists;

/** {@code meta} of every list response: {@code {page, limit, total, pages}}. */
public record PageMeta(int page, int limit, long total, int pages) {
}
