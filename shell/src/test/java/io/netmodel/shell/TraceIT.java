package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;

/**
 * Seed 000's investigation with the model: {@code netmodel trace netif_napi_add} in one process,
 * {@code rmmod; modprobe} from another; the probe reports the NAPI id right after the call: 0
 * on 4.4 (the core did not hash NAPIs yet), a valid id from 4.5.
 */
@Timeout(120)
class TraceIT {
    @ParameterizedTest(name = "kernel {0}: netif_napi_add leaves napi_id {1}")
    @CsvSource({"4.4, 0", "4.12, 258"})
    void netif_napi_add_reports_the_napi_id_after_the_call(String kernel, String napiId) throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount", "--kernel", kernel)) {
            ProcessBuilder pb = new ProcessBuilder(Proc.HOME.resolve("netmodel").toString(), "trace", "netif_napi_add",
                "--count", "1", "--timeout", "60");
            pb.environment().putAll(model.env());
            Process trace = pb.start();
            BufferedReader err = new BufferedReader(new InputStreamReader(trace.getErrorStream(), StandardCharsets.UTF_8));
            assertTrue(err.readLine().startsWith("Tracing netif_napi_add"), "the probe is armed");
            assertEquals(0, model.netmodel("rmmod", "virtio_net").exit());
            assertEquals(0, model.netmodel("modprobe", "virtio_net").exit());
            assertTrue(trace.waitFor(60, TimeUnit.SECONDS));
            String line = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(line.matches("(?s)\\[ *\\d+\\.\\d{6}\\] cpu0 netif_napi_add dev: eth%d weight: 64 napi_id: " + napiId + "\n"),
                line);
        }
    }

    /** A count or a timeout that would stop nothing (0, NaN) is refused, not taken as "no limit". */
    @org.junit.jupiter.api.Test
    void a_count_or_timeout_of_zero_is_a_usage_error() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount")) {
            Proc.Result zero = model.netmodel("trace", "napi_poll", "--count", "0");
            assertEquals(2, zero.exit());
            assertEquals("trace: --count must be 1 or more, not 0 (leave it out for no limit)\n", zero.err());
            Proc.Result nan = model.netmodel("trace", "napi_poll", "--timeout", "NaN");
            assertEquals(2, nan.exit());
            assertEquals("trace: --timeout must be > 0 and <= 31536000 seconds, not NaN (leave it out for no limit)\n",
                nan.err());
        }
    }
}
