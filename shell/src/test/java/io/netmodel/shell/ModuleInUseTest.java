package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.host.ModuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Module use counts in a real embedded Felix: a reference taken with {@code try_module_get}
 * (what a {@code --live} benchmark holds) shows in {@code /proc/modules}, {@code /sys/module}
 * and lsmod, and makes rmmod refuse with kmod's message until {@code module_put} or {@code -f}.
 */
@Timeout(120)
class ModuleInUseTest {
    private ModelHost host;

    @BeforeEach
    void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(), layout.bundlesDir(), cache);
        host.modprobe("virtio_net", Map.of());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void should_refuse_rmmod_while_a_reference_is_held_and_allow_it_after_module_put() throws Exception {
        ModuleRegistry registry = host.registry();
        assertTrue(registry.tryModuleGet("virtio_net"));
        assertEquals(1, host.lsmod().get(0).refcnt());
        assertEquals("1\n", read("/sys/module/virtio_net/refcnt"));
        assertTrue(read("/proc/modules").startsWith("virtio_net "), read("/proc/modules"));
        assertTrue(read("/proc/modules").contains(" 1 - Live"), read("/proc/modules"));

        ToolError e = assertThrows(ToolError.class, () -> host.rmmod("virtio_net"));
        assertEquals("rmmod: ERROR: Module virtio_net is in use", e.getMessage());
        assertEquals(1, e.exitCode());
        assertTrue(host.isLoaded("virtio_net"));

        registry.modulePut("virtio_net");
        assertEquals(0, host.lsmod().get(0).refcnt());
        host.rmmod("virtio_net");
        assertFalse(host.isLoaded("virtio_net"));
    }

    @Test
    void should_unload_a_module_in_use_with_force() throws Exception {
        ModuleRegistry registry = host.registry();
        assertTrue(registry.tryModuleGet("virtio_net"));
        host.rmmod("virtio_net", true);
        assertFalse(host.isLoaded("virtio_net"));
        assertEquals(0, host.lsmod().size());
        registry.modulePut("virtio_net"); // the holder lets go after the forced unload: harmless
        assertFalse(registry.tryModuleGet("virtio_net"), "try_module_get fails on a module not loaded");
    }

    private String read(String path) throws Exception {
        var f = host.fs().open(path, false, io.netmodel.api.vfs.Caller.ROOT);
        try {
            return new String(f.read(0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            f.release();
        }
    }
}
