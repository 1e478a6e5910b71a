package io.netmodel.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleLoadException;
import io.netmodel.api.host.ModuleState;
import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Module parameters through {@link ModuleTable} (kernel/params.c, kernel/module/main.c): the
 * launcher announces {@code modprobe tinynet k=v} with {@code prepare}, the driver service
 * appears, {@code checkLoaded} reports the outcome. TinyDriver declares {@code debug} (int, 0).
 */
class ModuleParamsTest {

    private static Host load(Map<String, String> params) {
        Host host = Host.bare("6.19");
        host.kernel.modules().prepare("tinynet", 12345, params);
        host.kernel.modules().driverAppeared(TinyDriver.plain());
        return host;
    }

    @Test
    void should_load_with_defaults_when_no_parameter_is_given() throws Exception {
        ModuleInfo info = load(Map.of()).kernel.modules().checkLoaded("tinynet");
        assertEquals("tinynet", info.name());
        assertEquals(12345, info.size());
        assertEquals(ModuleState.LIVE, info.state());
        assertEquals(Map.of("debug", "0"), info.params());
    }

    @Test
    void should_ignore_an_unknown_parameter_and_log_it() throws Exception {
        Host host = load(Map.of("x", "1"));
        assertTrue(host.kernel.modules().dmesg().stream()
                .anyMatch(l -> l.endsWith("tinynet: unknown parameter 'x' ignored")),
            () -> String.join("\n", host.kernel.modules().dmesg()));
        assertEquals(Map.of("debug", "0"), host.kernel.modules().checkLoaded("tinynet").params());
        assertTrue(host.exists("/sys/class/net/eth0"), "the module loaded and probed");
    }

    @ParameterizedTest(name = "debug={0} reads back {1}")
    @CsvSource({"3, 3", "-1, -1", "0x10, 16", "010, 8", "2147483647, 2147483647", "-2147483648, -2147483648"})
    void should_accept_int_values_as_kstrtoint_does(String value, String canonical) throws Exception {
        assertEquals(Map.of("debug", canonical),
            load(Map.of("debug", value)).kernel.modules().checkLoaded("tinynet").params());
    }

    @ParameterizedTest(name = "debug={0} -> EINVAL, module not loaded")
    @ValueSource(strings = {"abc", "", "1.5", "12abc", " 1", "0x"})
    void should_refuse_a_bad_int_value_with_EINVAL(String value) throws Exception {
        Host host = load(Map.of("debug", value));
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
            () -> host.kernel.modules().checkLoaded("tinynet"));
        assertEquals(Errno.EINVAL, e.errno());
        assertFalse(host.exists("/sys/class/net/eth0"), "a refused module never probes");
        assertTrue(host.kernel.modules().modules().isEmpty());
        assertTrue(host.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("invalid for parameter")));
    }

    /** "modprobe tinynet debug" (no value): parse_args hands over NULL, which the log prints as an empty value. */
    @Test
    void should_log_a_missing_value_as_empty() {
        java.util.Map<String, String> params = new java.util.HashMap<>();
        params.put("debug", null);
        Host host = load(params);
        assertThrows(ModuleLoadException.class, () -> host.kernel.modules().checkLoaded("tinynet"));
        assertTrue(host.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith("tinynet: `' invalid for parameter `debug'")),
            () -> String.join("\n", host.kernel.modules().dmesg()));
    }

    @Test
    void should_report_ENOENT_for_a_module_that_published_no_driver() {
        Host host = Host.bare("6.19");
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
            () -> host.kernel.modules().checkLoaded("nosuchdriver"));
        assertEquals(Errno.ENOENT, e.errno());
    }

    /** {@code param_array} over {@code param_set_int}: commas split, each element as kstrtoint, at most the array's length. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "1         | 1",
        "1,2,3     | 1,2,3",
        "0x10,-1   | 16,-1",
        "+7,010\\n | 7,8",
        "1,2,3,4   | EINVAL",
        "1,,2      | EINVAL",
        "1,        | EINVAL",
        "''        | EINVAL",
        "1,x       | EINVAL",
        "1,99999999999 | ERANGE",
    })
    void should_parse_an_int_array_as_param_array_does(String value, String expected) {
        io.netmodel.api.driver.ModuleParam p = io.netmodel.api.driver.ModuleParam.intArray("a", 3, 0, "");
        byte[] data = value.replace("\\n", "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (expected.startsWith("E")) {
            io.netmodel.api.vfs.VfsException e = assertThrows(io.netmodel.api.vfs.VfsException.class,
                () -> io.netmodel.bus.ModuleParams.parse(p, data));
            assertEquals(expected.equals("EINVAL") ? io.netmodel.api.vfs.Errno.EINVAL : io.netmodel.api.vfs.Errno.ERANGE, e.errno());
        } else {
            assertEquals(expected, assertDoesNotThrow(() -> io.netmodel.bus.ModuleParams.parse(p, data)));
        }
        assertEquals(value.equals("1,2,3,4"), io.netmodel.bus.ModuleParams.tooManyElements(p, value));
    }
}
