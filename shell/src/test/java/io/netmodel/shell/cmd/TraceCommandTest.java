package io.netmodel.shell.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.ToolError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which probes {@code netmodel trace} arms for the names and patterns it is given. */
class TraceCommandTest {
    private static final List<String> PROBES = List.of("napi_busy_loop", "napi_complete_done", "napi_disable",
        "napi_enable", "napi_hash_add", "napi_poll", "napi_schedule", "net_rx_action", "netif_napi_add");

    @Test
    void names_are_taken_in_the_order_given_each_once() throws ToolError {
        assertEquals(List.of("napi_schedule", "napi_poll", "napi_complete_done"),
            TraceCommand.select(List.of("napi_schedule", "napi_poll", "napi_complete_done", "napi_poll"), PROBES));
    }

    @Test
    void a_pattern_stands_for_every_probe_it_matches() throws ToolError {
        assertEquals(List.of("napi_busy_loop", "napi_complete_done", "napi_disable", "napi_enable", "napi_hash_add",
            "napi_poll", "napi_schedule"), TraceCommand.select(List.of("napi_*"), PROBES));
        assertEquals(List.of("net_rx_action", "napi_enable", "napi_poll"),
            TraceCommand.select(List.of("net_*", "napi_??????", "napi_poll"), PROBES));
        assertEquals(List.of("netif_napi_add"), TraceCommand.select(List.of("*napi_add"), PROBES),
            "the rest of the name is literal: _ and . are not wildcards");
    }

    @Test
    void an_unknown_name_or_an_empty_pattern_is_a_usage_error_naming_the_probes() {
        ToolError unknown = assertThrows(ToolError.class, () -> TraceCommand.select(List.of("napi_poll", "napi_pol"), PROBES));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.getMessage().startsWith("trace: no probe 'napi_pol' (probes: napi_busy_loop, "), unknown.getMessage());
        ToolError none = assertThrows(ToolError.class, () -> TraceCommand.select(List.of("tcp_*"), PROBES));
        assertTrue(none.getMessage().startsWith("trace: no probe matches 'tcp_*'"), none.getMessage());
        ToolError missing = assertThrows(ToolError.class, () -> TraceCommand.select(List.of(), PROBES));
        assertTrue(missing.getMessage().startsWith("trace: which probe? (one of: napi_busy_loop"), missing.getMessage());
    }
}
