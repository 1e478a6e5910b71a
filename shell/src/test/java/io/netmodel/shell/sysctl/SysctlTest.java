package io.netmodel.shell.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel sysctl} over a model booted in Felix: outputs, messages and exit codes as
 * procps-ng 4.0.2 gives them on Debian 12 (checked against the installed sysctl with real keys).
 */
@Timeout(120)
class SysctlTest {
    private static ModelHost host;

    /** One run: exit code, stdout, stderr. */
    record Run(int rc, String out, String err) {
    }

    @BeforeAll
    static void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(), layout.bundlesDir(),
            TestDirs.felixCache());
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    static Run sysctl(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Sysctl.Options o = new SysctlCommand().parse(List.of(args), new PrintWriter(out), new PrintWriter(err));
        Sysctl s = new Sysctl(host.fs(), o);
        int rc = s.run(p -> Files.readString(Path.of(p), StandardCharsets.UTF_8));
        return new Run(rc, s.out(), s.err());
    }

    @Test
    void sysctl_a_lists_every_file_the_model_has_sorted() throws Exception {
        Run r = sysctl("-a");
        String golden = new String(SysctlTest.class.getResourceAsStream("sysctl-a.txt").readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(new Run(0, golden, ""), r);
    }

    @Test
    void read_write_and_their_messages() throws Exception {
        assertEquals(new Run(0, "net.core.busy_poll = 0\n", ""), sysctl("net.core.busy_poll"));
        assertEquals(new Run(0, "0\n", ""), sysctl("-n", "net/core/busy_poll"));
        assertEquals(new Run(0, "net.core.busy_poll = 50\n", ""), sysctl("-w", "net.core.busy_poll=50"));
        assertEquals(new Run(0, "net.core.busy_poll = 0\n", ""), sysctl("net.core.busy_poll = 0"));
        assertEquals(new Run(0, "", ""), sysctl("-q", "-w", "net.core.busy_poll=0"));
        assertEquals(new Run(1, "", "sysctl: setting key \"net.core.busy_poll\": Invalid argument\n"),
            sysctl("-w", "net.core.busy_poll=-1"));
        assertEquals(new Run(1, "net.core.busy_read = 0\n",
            "sysctl: cannot stat /proc/sys/net/core/nope: No such file or directory\n"),
            sysctl("net.core.nope", "net.core.busy_read"));
        assertEquals(new Run(0, "", ""), sysctl("-e", "net.core.nope"));
        assertEquals(new Run(1, "", "sysctl: cannot stat /proc/sys/net/core/nope: No such file or directory\n"),
            sysctl("-q", "net.core.nope"));
        assertEquals(new Run(1, "", "sysctl: command line(0): invalid syntax, continuing...\n"),
            sysctl("-w", "net.core.busy_poll"));
        assertEquals(new Run(1, "", "sysctl: no variables specified\nTry `sysctl --help' for more information.\n"),
            sysctl("-w"));
        assertEquals(new Run(0, "kernel.sched_rt_runtime_us = -1\n", ""), sysctl("-w", "kernel.sched_rt_runtime_us=-1"));
        assertEquals(new Run(0, "kernel.sched_rt_runtime_us = 950000\n", ""),
            sysctl("-w", "kernel.sched_rt_runtime_us=950000"));
    }

    @Test
    void p_file_parses_first_then_applies_in_order() throws Exception {
        Path conf = Files.createTempFile("sysctl", ".conf");
        Files.writeString(conf, "# comment\n; another\n\nnet.core.busy_read = 30\nbad line\n-net.core.nope=1\n"
            + "net.core.busy_poll=-5\n");
        Run r = sysctl("-p", conf.toString());
        assertEquals(new Run(1, "net.core.busy_read = 30\n", "sysctl: " + conf + "(5): invalid syntax, continuing...\n"
            + "sysctl: cannot stat /proc/sys/net/core/nope: No such file or directory\n"
            + "sysctl: setting key \"net.core.busy_poll\": Invalid argument\n"), r);
        assertEquals(new Run(0, "30\n", ""), sysctl("-n", "net.core.busy_read"));
        sysctl("-w", "net.core.busy_read=0");
        assertEquals(new Run(1, "", "sysctl: cannot open \"/nonexistent/x.conf\": No such file or directory\n"),
            sysctl("-p", "/nonexistent/x.conf"));
    }

    @Test
    void json_is_one_object_of_the_keys_read() throws Exception {
        assertEquals(new Run(0, "{\n  \"net.core.busy_poll\": \"0\",\n  \"kernel.timer_migration\": \"1\"\n}\n", ""),
            sysctl("--json", "net.core.busy_poll", "kernel.timer_migration"));
    }
}
