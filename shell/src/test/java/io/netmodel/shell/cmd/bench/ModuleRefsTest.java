package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import io.netmodel.shell.ToolError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@code --live} run's module references: held for the run, rmmod refused, released at close. */
@Timeout(120)
class ModuleRefsTest {

    @Test
    void should_hold_every_loaded_module_for_the_run() throws Exception {
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0),
                layout.systemDir(), layout.bundlesDir(), TestDirs.felixCache())) {
            host.modprobe("virtio_net", Map.of());
            try (ModuleRefs run = ModuleRefs.holdAll(host.registry())) {
                assertEquals(1, host.lsmod().get(0).refcnt());
                ToolError e = assertThrows(ToolError.class, () -> host.rmmod("virtio_net"));
                assertEquals("rmmod: ERROR: Module virtio_net is in use", e.getMessage());
            }
            assertEquals(0, host.lsmod().get(0).refcnt());
            host.rmmod("virtio_net");
            assertFalse(host.isLoaded("virtio_net"));
        }
    }
}
