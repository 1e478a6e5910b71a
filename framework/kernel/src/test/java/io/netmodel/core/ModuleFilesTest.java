package io.netmodel.core;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.ParamDriver;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/modules} (kernel/module/procfs.c {@code m_show}) and {@code /sys/module/<name>/}
 * ({@code initstate}, {@code refcnt}, kernel/params.c {@code parameters/}) appearing with
 * {@code driverAppeared} (insmod) and vanishing with {@code driverGone} (rmmod).
 */
class ModuleFilesTest {

    private static Host loaded(String name, long size, io.netmodel.api.driver.NetDriver driver) {
        Host host = Host.bare("6.19");
        host.kernel.modules().prepare(name, size, Map.of());
        host.kernel.modules().driverAppeared(driver);
        return host;
    }

    @Test
    void should_be_empty_with_no_module_loaded() throws Exception {
        Host host = Host.bare("6.19");
        assertEquals("", host.read("/proc/modules"));
        assertEquals(List.of(), host.fs.list("/sys/module"));
        NodeStat st = host.fs.stat("/proc/modules");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
    }

    @Test
    void should_show_a_loaded_module_in_m_show_format_with_a_hidden_address() throws Exception {
        Host host = loaded("tinynet", 57344, TinyDriver.plain());
        assertEquals("tinynet 57344 0 - Live 0x0000000000000000\n", host.read("/proc/modules"));
    }

    @Test
    void should_list_the_newest_module_first() throws Exception {
        Host host = loaded("tinynet", 57344, TinyDriver.plain());
        host.kernel.modules().prepare("parmnet", 16384, Map.of());
        host.kernel.modules().driverAppeared(ParamDriver.parmnet());
        assertEquals("parmnet 16384 0 - Live 0x0000000000000000\n"
            + "tinynet 57344 0 - Live 0x0000000000000000\n", host.read("/proc/modules"));
    }

    @Test
    void should_create_sys_module_files_on_load_and_remove_them_on_unload() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = loaded("tinynet", 57344, driver);
        assertEquals(List.of("tinynet"), host.fs.list("/sys/module"));
        assertEquals(List.of("initstate", "refcnt", "parameters", "drivers"), host.fs.list("/sys/module/tinynet"));
        assertEquals("live\n", host.read("/sys/module/tinynet/initstate"));
        assertEquals("0\n", host.read("/sys/module/tinynet/refcnt"));
        assertEquals("0\n", host.read("/sys/module/tinynet/parameters/debug"));
        assertEquals(0755, host.fs.stat("/sys/module/tinynet").mode());
        assertEquals(0755, host.fs.stat("/sys/module/tinynet/parameters").mode());
        assertEquals(0444, host.fs.stat("/sys/module/tinynet/initstate").mode());
        assertEquals(4096, host.fs.stat("/sys/module/tinynet/refcnt").size());

        host.kernel.modules().driverGone(driver);
        assertEquals("", host.read("/proc/modules"));
        assertFalse(host.exists("/sys/module/tinynet"));

        host.kernel.modules().driverAppeared(TinyDriver.plain());
        assertTrue(host.exists("/sys/module/tinynet/parameters/debug"), "a reload brings the files back");
        assertEquals("tinynet 0 0 - Live 0x0000000000000000\n", host.read("/proc/modules"),
            "no prepare(): size unknown");
    }

    @Test
    void should_show_parameters_with_their_modes_and_hide_perm_0() throws Exception {
        Host host = loaded("parmnet", 16384, ParamDriver.parmnet());
        assertEquals(List.of("debug", "napi_tx", "ring", "mode"), host.fs.list("/sys/module/parmnet/parameters"));
        assertEquals(0644, host.fs.stat("/sys/module/parmnet/parameters/debug").mode());
        assertEquals(0444, host.fs.stat("/sys/module/parmnet/parameters/mode").mode());
        assertEquals(NodeKind.FILE, host.fs.stat("/sys/module/parmnet/parameters/ring").kind());
        assertEquals("0\n", host.read("/sys/module/parmnet/parameters/debug"));
        assertEquals("Y\n", host.read("/sys/module/parmnet/parameters/napi_tx"));
        assertEquals("256\n", host.read("/sys/module/parmnet/parameters/ring"));
        assertEquals("1\n", host.read("/sys/module/parmnet/parameters/mode"));
        assertFalse(host.exists("/sys/module/parmnet/parameters/hidden"));
    }

    @Test
    void should_have_no_parameters_directory_when_no_parameter_is_visible() throws Exception {
        ParamDriver quiet = new ParamDriver("quietnet",
            List.of(new ModuleParam("secret", ModuleParam.Type.INT, "3", 0, "hidden")));
        Host host = loaded("quietnet", 4096, quiet);
        assertEquals(List.of("initstate", "refcnt", "drivers"), host.fs.list("/sys/module/quietnet"));
    }

    @Test
    void should_apply_a_good_parameter_write_where_the_driver_reads_it() throws Exception {
        ParamDriver driver = ParamDriver.parmnet();
        Host host = loaded("parmnet", 16384, driver);
        assertEquals(3, host.write("/sys/module/parmnet/parameters/debug", "-5\n"));
        assertEquals("-5\n", host.read("/sys/module/parmnet/parameters/debug"));
        assertEquals("-5", driver.ctx.param("debug"));
        assertEquals("-5", host.kernel.modules().checkLoaded("parmnet").params().get("debug"));

        host.write("/sys/module/parmnet/parameters/debug", "0x10");
        assertEquals("16\n", host.read("/sys/module/parmnet/parameters/debug"));
        host.write("/sys/module/parmnet/parameters/napi_tx", "off\n");
        assertEquals("N\n", host.read("/sys/module/parmnet/parameters/napi_tx"));
        host.write("/sys/module/parmnet/parameters/napi_tx", "yes please");
        assertEquals("Y\n", host.read("/sys/module/parmnet/parameters/napi_tx"));
        host.write("/sys/module/parmnet/parameters/ring", "4294967295\n");
        assertEquals("4294967295\n", host.read("/sys/module/parmnet/parameters/ring"));
    }

    @Test
    void should_refuse_a_bad_parameter_write_with_the_parsers_errno_and_keep_the_value() throws Exception {
        ParamDriver driver = ParamDriver.parmnet();
        Host host = loaded("parmnet", 16384, driver);
        String debug = "/sys/module/parmnet/parameters/debug";
        host.write(debug, "3\n");
        String[][] cases = {
            {"debug", "abc", "EINVAL"}, {"debug", "\n", "EINVAL"}, {"debug", "1.5", "EINVAL"},
            {"debug", " 1", "EINVAL"}, {"debug", "1 ", "EINVAL"}, {"debug", "-+1", "EINVAL"},
            {"debug", "0x", "EINVAL"}, {"debug", "08", "EINVAL"},
            {"debug", "2147483648", "ERANGE"}, {"debug", "-2147483649", "ERANGE"},
            {"debug", "99999999999999999999", "ERANGE"},
            {"napi_tx", "x", "EINVAL"}, {"napi_tx", "\n", "EINVAL"}, {"napi_tx", "o", "EINVAL"},
            {"ring", "-1", "EINVAL"}, {"ring", "4294967296", "ERANGE"},
        };
        for (String[] c : cases) {
            String path = "/sys/module/parmnet/parameters/" + c[0];
            String before = host.read(path);
            assertEquals(Host.errnoNamed(c[2]), errno(() -> host.write(path, c[1])), c[0] + " <- '" + c[1] + "'");
            assertEquals(before, host.read(path), c[0] + " unchanged after '" + c[1] + "'");
        }
        assertEquals("3", driver.ctx.param("debug"));
    }

    @Test
    void should_refuse_to_open_a_read_only_parameter_for_writing() {
        Host host = loaded("parmnet", 16384, ParamDriver.parmnet());
        assertEquals(Errno.EACCES, errno(() -> host.write("/sys/module/parmnet/parameters/mode", "2\n")));
        assertEquals(Errno.EACCES, errno(() -> host.write("/sys/module/parmnet/initstate", "going\n")));
    }
}
