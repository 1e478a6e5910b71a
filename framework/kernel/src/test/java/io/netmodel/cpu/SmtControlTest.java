package io.netmodel.cpu;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.Host;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /sys/devices/system/cpu/smt} ({@code kernel/cpu.c} {@code __store_smt_control}). */
class SmtControlTest {
    private static final String CONTROL = "/sys/devices/system/cpu/smt/control";
    private static final String ACTIVE = "/sys/devices/system/cpu/smt/active";

    private static Kernel kernel(SmtControl.State state) {
        return new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(8, List.of(), state));
    }

    @Test
    void a_host_without_smt_reads_notsupported_and_refuses_writes_with_enodev() throws Exception {
        Host host = Host.bare("6.19");
        assertEquals("notsupported\n", host.read(CONTROL));
        assertEquals("0\n", host.read(ACTIVE));
        assertEquals(0644, host.fs.stat(CONTROL).mode());
        assertEquals(0444, host.fs.stat(ACTIVE).mode());
        assertEquals(Errno.ENODEV, errno(() -> host.write(CONTROL, "off\n")));
        assertEquals(Errno.ENODEV, errno(() -> host.write(CONTROL, "garbage\n")));
    }

    @ParameterizedTest(name = "{0} -> control {1}, active {2}")
    @CsvSource({
        "off,      off,      0",
        "off\\n,   off,      0",
        "on\\n,    on,       1",
        "1\\n,     off,      0",
        "2\\n,     on,       1",
        "forceoff, forceoff, 0",
    })
    void an_smt_host_switches_as_written(String input, String control, String active) throws Exception {
        Kernel k = kernel(SmtControl.State.ON);
        var f = k.fs().open(CONTROL, true, io.netmodel.api.vfs.Caller.ROOT);
        try {
            byte[] data = Host.bytes(input);
            assertEquals(data.length, f.write(data, 0));
        } finally {
            f.release();
        }
        assertEquals(control + "\n", read(k, CONTROL));
        assertEquals(active + "\n", read(k, ACTIVE));
    }

    @ParameterizedTest(name = "{0} is EINVAL")
    @CsvSource({"of", "onn", "3", "0", "-1", "ON", "\\n"})
    void garbage_is_einval_and_changes_nothing(String input) throws Exception {
        Kernel k = kernel(SmtControl.State.ON);
        assertEquals(Errno.EINVAL, errno(() -> write(k, CONTROL, input)));
        assertEquals("on\n", read(k, CONTROL));
    }

    @Test
    void once_forced_off_every_write_is_eperm() throws Exception {
        Kernel k = kernel(SmtControl.State.ON);
        write(k, CONTROL, "forceoff\n");
        assertEquals(Errno.EPERM, errno(() -> write(k, CONTROL, "on\n")));
        assertEquals(Errno.EPERM, errno(() -> write(k, CONTROL, "junk\n")));
        assertEquals("forceoff\n", read(k, CONTROL));
    }

    @Test
    void notimplemented_is_enodev_too() throws Exception {
        Kernel k = kernel(SmtControl.State.NOTIMPLEMENTED);
        assertEquals("notimplemented\n", read(k, CONTROL));
        assertEquals(Errno.ENODEV, errno(() -> write(k, CONTROL, "on\n")));
    }

    private static String read(Kernel k, String path) throws Exception {
        var f = k.fs().open(path, false, io.netmodel.api.vfs.Caller.ROOT);
        try {
            return new String(f.read(0, 4096), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            f.release();
        }
    }

    private static void write(Kernel k, String path, String text) throws Exception {
        var f = k.fs().open(path, true, io.netmodel.api.vfs.Caller.ROOT);
        try {
            f.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        } finally {
            f.release();
        }
    }
}
