package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void members_in_written_order_two_space_indent_final_newline() {
        String json = new JsonWriter().beginObject()
            .name("b").value(2)
            .name("a").value("x\"y\\z\n\u0001")
            .name("d").value(new BigDecimal("31.25"))
            .name("n").nullValue()
            .name("l").beginArray().value(true).beginObject().endObject().beginArray().endArray().endArray()
            .endObject().toString();
        assertEquals("{\n"
            + "  \"b\": 2,\n"
            + "  \"a\": \"x\\\"y\\\\z\\n\\u0001\",\n"
            + "  \"d\": 31.25,\n"
            + "  \"n\": null,\n"
            + "  \"l\": [\n"
            + "    true,\n"
            + "    {},\n"
            + "    []\n"
            + "  ]\n"
            + "}\n", json);
    }

    @Test
    void an_unclosed_document_is_a_bug_not_output() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().toString());
    }

    @Test
    void decimals_are_plain_and_rounded_half_even() {
        assertEquals("12500", Fmt.decimal(1e9 / 80_000, 3).toPlainString());
        assertEquals("32000", Fmt.decimal(1e9 / 31_250, 3).toPlainString());
        assertEquals("30303.03", Fmt.decimal(1e9 / 33_000, 3).toPlainString().substring(0, 8));
        assertEquals("0", Fmt.decimal(0.0, 4).toPlainString());
        assertEquals("-0.0312", Fmt.decimal(-0.03125, 4).toPlainString());
    }
}
