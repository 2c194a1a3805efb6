package dev.currents.simapi;

import java.util.List;

/** Success bodies of the two services. Errors come from {@link Service#error}. */
final class Replies {
    private Replies() {
    }

    /** REST: {@code {"status":"OK","data":...}}. */
    static Answer.Reply ok(Object data) {
        return Answer.Reply.json(200, Json.write(Json.object("status", "OK", "data", data)));
    }

    /** REST, for a POST that made a resource. */
    static Answer.Reply created(Object data) {
        return Answer.Reply.json(201, Json.write(Json.object("status", "OK", "data", data)));
    }

    /** REST cursor list: {@code {"status":"OK","has_more":false,"data":[...]}}. */
    static Answer.Reply okList(List<Object> items, boolean hasMore) {
        return Answer.Reply.json(200, Json.write(Json.object("status", "OK", "has_more", hasMore, "data", items)));
    }

    /** Recording service: the object itself, no envelope. */
    static Answer.Reply recorded(Object body) {
        return Answer.Reply.json(200, Json.write(body));
    }
}
