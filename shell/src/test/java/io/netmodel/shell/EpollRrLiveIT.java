package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bench epoll-rr --live} through real processes: suspend20 typed into a running model
 * (IRQ affinity, sysfs, napi-set) measures what {@code --setup suspend20} measures in-process.
 */
@Timeout(120)
class EpollRrLiveIT {
    private static final Pattern INPUT_IRQ = Pattern.compile("(?m)^ *(\\d+):.*virtio0-input\\.0$");
    private static final Pattern NAPI_ID = Pattern.compile("'id': (\\d+)");
    private static final Pattern FIGURES = Pattern.compile("(?m)^ *\"(samples|server_cpu_percent|p\\d+_ns|min_ns|max_ns"
        + "|mean_ns)\": .*$");

    /** The measured figures of a JSON report, one per line. */
    private static String figures(String json) {
        Matcher m = FIGURES.matcher(json);
        return m.results().map(r -> r.group().trim()).collect(Collectors.joining("\n"));
    }

    private static void ok(Proc.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void suspend20_typed_into_the_running_model_measures_like_the_built_in_set_up() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount")) {
            Matcher irq = INPUT_IRQ.matcher(model.netmodel("cat", "/proc/interrupts").out());
            assertTrue(irq.find());
            Proc.Result napi = model.netmodel("ynl", "--family", "netdev", "--dump", "napi-get");
            Matcher id = NAPI_ID.matcher(napi.out());
            assertTrue(id.find(), napi::toString);
            ok(model.netmodel("write", "/proc/irq/" + irq.group(1) + "/smp_affinity_list", "1"));
            ok(model.netmodel("write", "/sys/class/net/eth0/napi_defer_hard_irqs", "100"));
            ok(model.netmodel("write", "/sys/class/net/eth0/gro_flush_timeout", "20000"));
            ok(model.netmodel("ynl", "--family", "netdev", "--do", "napi-set", "--json",
                "{\"id\": " + id.group(1) + ", \"irq-suspend-timeout\": 20000000}"));

            Proc.Result live = model.netmodel("bench", "epoll-rr", "--live", "--rate", "25000", "--busy-poll-budget",
                "64", "--prefer-busy-poll", "--duration", "0.05", "--json");
            ok(live);
            assertTrue(live.out().contains("\"irq_suspend_timeout_ns\": 20000000"), live::toString);
            assertTrue(live.out().contains("\"server.eth0.napi[0].irq-suspend-timeout\": \"20000000\""), live::toString);
            Proc.Result builtIn = model.netmodel("bench", "epoll-rr", "--rate", "25000", "--setup", "suspend20",
                "--duration", "0.05", "--json");
            ok(builtIn);
            assertTrue(figures(live.out()).contains("\"p99_ns\""), live::toString);
            assertEquals(figures(builtIn.out()), figures(live.out()));

            ok(model.down());
            Proc.Result gone = model.netmodel("bench", "epoll-rr", "--live", "--rate", "25000");
            assertEquals(1, gone.exit(), gone::toString);
            assertTrue(gone.err().startsWith("netmodel bench epoll-rr: --live: no model is running at " + model.mount()
                + " (start one with: netmodel up --daemon"), gone::toString);
        }
    }
}
