package io.netmodel.shell.cmd.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** json.loads errors as CPython 3.11 prints them (each message checked with python3 on the build host). */
class PyJsonTest {
    private static String err(String doc) {
        return assertThrows(PyJson.DecodeError.class, () -> PyJson.loads(doc)).getMessage();
    }

    @Test
    void messages_and_positions_match_python() {
        assertEquals("Expecting value: line 1 column 13 (char 12)", err("{\"ifindex\": , \"id\": 0}"));
        assertEquals("Expecting value: line 1 column 1 (char 0)", err(""));
        assertEquals("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", err("{"));
        assertEquals("Expecting ':' delimiter: line 1 column 6 (char 5)", err("{\"a\" 1}"));
        assertEquals("Expecting property name enclosed in double quotes: line 1 column 9 (char 8)", err("{\"a\": 1,}"));
        assertEquals("Extra data: line 1 column 10 (char 9)", err("{\"a\": 1} x"));
        assertEquals("Unterminated string starting at: line 1 column 7 (char 6)", err("{\"a\": \"x"));
        assertEquals("Expecting ',' delimiter: line 1 column 4 (char 3)", err("[1 2]"));
        assertEquals("Expecting value: line 1 column 7 (char 6)", err("{\"a\": tru}"));
        assertEquals("Expecting ',' delimiter: line 1 column 8 (char 7)", err("{\"a\": 01}"));
        assertEquals("Invalid \\escape: line 1 column 8 (char 7)", err("{\"a\": \"\\q\"}"));
        assertEquals("Invalid control character at: line 1 column 8 (char 7)", err("{\"a\": \"\t\"}"));
        assertEquals("Expecting value: line 1 column 3 (char 2)", err("  "));
        assertEquals("Expecting ',' delimiter: line 1 column 8 (char 7)", err("{\"a\": 1e}"));
    }

    @Test
    void values_keep_key_order() throws Exception {
        assertEquals("{id=257, threaded=busy-poll, x=[1, 2.5, true, null]}",
            PyJson.loads("{\"id\": 257, \"threaded\": \"busy-poll\", \"x\": [1, 2.5, true, null]}").toString());
    }

    @Test
    void picocli_hands_every_ynl_argument_over_in_order() {
        YnlCommand cmd = new YnlCommand();
        new CommandLine(cmd).parseArgs("--family", "netdev", "--output-json", "--do", "napi-get", "--json", "{\"id\": \"257\"}");
        assertEquals(List.of("--family", "netdev", "--output-json", "--do", "napi-get", "--json", "{\"id\": \"257\"}"), cmd.args);
    }
}
