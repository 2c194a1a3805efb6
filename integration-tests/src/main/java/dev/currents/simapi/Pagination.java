package dev.currents.simapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The REST API's two kinds of list over a fixed-size fake collection: cursor lists ({@code limit},
 * {@code starting_after}, {@code ending_before}; {@code has_more}, a {@code cursor} on each item) and offset
 * lists ({@code page}, {@code limit}; {@code nextPage}, {@code total}).
 */
final class Pagination {
    static final int CURSOR_DEFAULT_LIMIT = 10;
    static final int CURSOR_MAX_LIMIT = 50;
    static final int OFFSET_DEFAULT_LIMIT = 50;
    static final int OFFSET_MAX_LIMIT = 100;

    private Pagination() {
    }

    /**
     * @param collection names the collection: its cursors derive from it
     * @param size       how many items the collection holds
     * @param item       the item at an index, without its cursor
     */
    static Answer.Reply cursorList(Exchange exchange, String collection, int size,
                                   IntFunction<Map<String, Object>> item) {
        OptionalInt limit = intParam(exchange, "limit", CURSOR_DEFAULT_LIMIT, 1, CURSOR_MAX_LIMIT);
        if (limit.isEmpty()) {
            return badRequest("limit must be an integer from 1 to " + CURSOR_MAX_LIMIT);
        }
        Optional<String> after = exchange.queryParam("starting_after");
        Optional<String> before = exchange.queryParam("ending_before");
        int from = 0;
        int to = size;
        if (after.isPresent()) {
            int index = indexOf(collection, size, after.get());
            if (index < 0) {
                return badRequest("starting_after is not a cursor of this list");
            }
            from = index + 1;
        }
        if (before.isPresent()) {
            int index = indexOf(collection, size, before.get());
            if (index < 0) {
                return badRequest("ending_before is not a cursor of this list");
            }
            to = index;
            from = after.isPresent() ? from : Math.max(0, to - limit.getAsInt());
        }
        int end = Math.min(to, from + limit.getAsInt());
        List<Object> items = new ArrayList<>();
        for (int i = from; i < end; i++) {
            Map<String, Object> withCursor = item.apply(i);
            withCursor.put("cursor", cursor(collection, i));
            items.add(withCursor);
        }
        boolean hasMore = before.isPresent() && after.isEmpty() ? from > 0 : end < to;
        return Replies.okList(items, hasMore);
    }

    static Answer.Reply offsetList(Exchange exchange, int size, IntFunction<Map<String, Object>> item) {
        OptionalInt limit = intParam(exchange, "limit", OFFSET_DEFAULT_LIMIT, 1, OFFSET_MAX_LIMIT);
        OptionalInt page = intParam(exchange, "page", 0, 0, Integer.MAX_VALUE);
        if (limit.isEmpty() || page.isEmpty()) {
            return badRequest("page must be an integer from 0, limit an integer from 1 to " + OFFSET_MAX_LIMIT);
        }
        long from = (long) page.getAsInt() * limit.getAsInt();
        long end = Math.min(size, from + limit.getAsInt());
        List<Object> items = new ArrayList<>();
        for (long i = from; i < end; i++) {
            items.add(item.apply((int) i));
        }
        Object nextPage = end < size ? (Object) (page.getAsInt() + 1) : Boolean.FALSE;
        return Replies.ok(Json.object("list", items, "nextPage", nextPage, "total", size));
    }

    private static String cursor(String collection, int index) {
        return Ids.hex24(collection + "#" + index);
    }

    private static int indexOf(String collection, int size, String cursor) {
        for (int i = 0; i < size; i++) {
            if (cursor(collection, i).equals(cursor)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameter's value, its default when absent, or empty when it is not a number in range. */
    private static OptionalInt intParam(Exchange exchange, String name, int absent, int min, int max) {
        Optional<String> text = exchange.queryParam(name);
        if (text.isEmpty()) {
            return OptionalInt.of(absent);
        }
        try {
            int value = Integer.parseInt(text.get());
            return value >= min && value <= max ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Answer.Reply badRequest(String message) {
        return Service.REST.error(400, message);
    }
}
