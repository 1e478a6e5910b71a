package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /sys/class/net/<dev>/power/} ({@code drivers/base/power/sysfs.c}, runtime PM disabled)
 * and the {@code phys_port_name} visibility rule (kernel-interfaces.md §2.1).
 */
class PowerSysfsTest {
    private static final List<String> POWER_FILES = List.of("async", "autosuspend_delay_ms", "control",
        "runtime_active_kids", "runtime_active_time", "runtime_enabled", "runtime_status",
        "runtime_suspended_time", "runtime_usage");
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.withEth0();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/sys/class/net/eth0/power", "/sys/class/net/lo/power"})
    void should_hold_the_files_of_a_device_without_runtime_pm(String dir) throws Exception {
        assertEquals(NodeKind.DIRECTORY, host.fs.stat(dir).kind());
        assertEquals(POWER_FILES, host.fs.list(dir));
    }

    @ParameterizedTest(name = "{0} reads {1}, mode {2}")
    @CsvSource({
        "async,                  disabled,    644",
        "control,                auto,        644",
        "runtime_active_kids,    0,           444",
        "runtime_active_time,    0,           444",
        "runtime_enabled,        disabled,    444",
        "runtime_status,         unsupported, 444",
        "runtime_suspended_time, 0,           444",
        "runtime_usage,          0,           444",
    })
    void should_read_the_pm_core_defaults(String name, String value, String mode) throws Exception {
        for (String dev : List.of("eth0", "lo")) {
            String path = "/sys/class/net/" + dev + "/power/" + name;
            assertEquals(value + "\n", host.read(path));
            assertEquals(Integer.parseInt(mode, 8), host.fs.stat(path).mode());
            assertEquals(4096, host.fs.stat(path).size());
        }
    }

    @Test
    void should_fail_autosuspend_delay_with_EIO_both_ways() throws Exception {
        String path = "/sys/class/net/eth0/power/autosuspend_delay_ms";
        assertEquals(0644, host.fs.stat(path).mode());
        assertEquals(Errno.EIO, errno(() -> host.read(path)));
        assertEquals(Errno.EIO, errno(() -> host.write(path, "100\n")));
        assertEquals(Errno.EIO, errno(() -> host.write(path, "garbage\n")));
    }

    @Test
    void should_forbid_and_allow_runtime_pm_through_control() throws Exception {
        String power = "/sys/class/net/eth0/power/";
        assertEquals(3, host.write(power + "control", "on\n"));
        assertEquals("on\n", host.read(power + "control"));
        assertEquals("disabled & forbidden\n", host.read(power + "runtime_enabled"));
        assertEquals("1\n", host.read(power + "runtime_usage"));
        assertEquals("unsupported\n", host.read(power + "runtime_status"));
        host.write(power + "control", "on");
        assertEquals("1\n", host.read(power + "runtime_usage"));
        assertEquals(4, host.write(power + "control", "auto"));
        assertEquals("auto\n", host.read(power + "control"));
        assertEquals("disabled\n", host.read(power + "runtime_enabled"));
        assertEquals("0\n", host.read(power + "runtime_usage"));
        assertEquals("auto\n", host.read("/sys/class/net/lo/power/control"));
    }

    @ParameterizedTest(name = "control <- \"{0}\" -> EINVAL")
    @ValueSource(strings = {"off\n", "auto\n\n", " auto\n", "auto \n", "AUTO\n", "\n", "o", "1\n"})
    void should_refuse_other_control_values(String input) throws Exception {
        String path = "/sys/class/net/eth0/power/control";
        assertEquals(Errno.EINVAL, errno(() -> host.write(path, input)));
        assertEquals("auto\n", host.read(path));
        assertEquals("0\n", host.read("/sys/class/net/eth0/power/runtime_usage"));
    }

    @Test
    void should_switch_async_between_enabled_and_disabled_only() throws Exception {
        String path = "/sys/class/net/eth0/power/async";
        host.write(path, "enabled\n");
        assertEquals("enabled\n", host.read(path));
        assertEquals(Errno.EINVAL, errno(() -> host.write(path, "on\n")));
        assertEquals("enabled\n", host.read(path));
        host.write(path, "disabled");
        assertEquals("disabled\n", host.read(path));
    }

    @Test
    void should_show_phys_port_name_only_when_the_driver_has_the_hook() throws Exception {
        assertFalse(host.exists("/sys/class/net/eth0/phys_port_name"));
        assertFalse(host.exists("/sys/class/net/lo/phys_port_name"));
        TinyDriver virtioLike = TinyDriver.plain();
        virtioLike.physPortName = true;
        Host h = Host.with("6.19", virtioLike);
        String path = "/sys/class/net/eth0/phys_port_name";
        assertTrue(h.exists(path));
        assertEquals(0444, h.fs.stat(path).mode());
        assertEquals(Errno.EOPNOTSUPP, errno(() -> h.read(path)));
        assertFalse(h.exists("/sys/class/net/lo/phys_port_name"));
    }

    @ParameterizedTest(name = "on {0}: phys_port_id {1}, phys_switch_id {2}, phys_port_name {3}")
    @CsvSource({"3.11, false, false, false", "4.0, true, true, false", "4.4, true, true, true", "6.15, true, true, true",
        "6.16, false, false, false"})
    void should_give_every_netdev_the_phys_files_before_6_16(String version, boolean portId, boolean switchId,
                                                            boolean portName) throws Exception {
        Host h = Host.with(version, TinyDriver.plain());
        for (String dev : List.of("eth0", "lo")) {
            String dir = "/sys/class/net/" + dev + "/";
            assertEquals(portId, h.exists(dir + "phys_port_id"), dir + "phys_port_id");
            assertEquals(switchId, h.exists(dir + "phys_switch_id"), dir + "phys_switch_id");
            assertEquals(portName, h.exists(dir + "phys_port_name"), dir + "phys_port_name");
            if (portId) {
                assertEquals(Errno.EOPNOTSUPP, errno(() -> h.read(dir + "phys_port_id")));
                assertEquals(Errno.EOPNOTSUPP, errno(() -> h.read(dir + "phys_switch_id")));
            }
        }
    }
}
