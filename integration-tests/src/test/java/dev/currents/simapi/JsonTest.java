package dev.currents.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesInOrder() {
        assertEquals("{\"b\":1,\"a\":[true,null,2.5,{}],\"c\":\"x\"}",
                Json.write(Json.object("b", 1, "a", Arrays.asList(true, null, 2.5, Json.object()), "c", "x")));
    }

    @Test
    void escapesStrings() {
        assertEquals("[\"q\\\"b\\\\n\\nt\\tc\\u0001é\"]", Json.write(List.of("q\"b\\n\nt\tc\u0001é")));
    }
}
