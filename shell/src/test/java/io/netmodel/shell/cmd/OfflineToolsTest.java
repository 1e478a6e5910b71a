package io.netmodel.shell.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With no model running, the tools that take their own arguments still give their help, version
 * and usage errors (a newcomer types {@code netmodel ethtool -h} before {@code up}); what needs a
 * device says no model is running, and prints nothing the tool had started to print.
 */
class OfflineToolsTest {
    @TempDir
    Path dir;

    private OfflineCli.Result run(String line) {
        return OfflineCli.run(dir, line.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ethtool --version | 0 | ethtool version 6.1",
        "ethtool -h        | 0 | netmodel ethtool: ethtool 6.1's command line",
        "ip -V             | 0 | ip utility, iproute2-6.1.0",
        "sysctl -V         | 0 | sysctl from procps-ng 4.0.2",
        "sysctl --help     | 0 | ''",
        "chrt --help       | 0 | Show or change the real-time scheduling attributes of a process.",
        "taskset -V        | 0 | taskset from util-linux 2.38.1",
        "ynl --help        | 0 | usage: ynl [-h]"})
    void help_and_version_need_no_model(String line, int code, String first) {
        OfflineCli.Result r = run(line.strip());
        assertEquals(code, r.code(), r.err());
        assertTrue(r.out().startsWith(first), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ethtool | 1   | ethtool: bad command line argument(s)",
        "ip -x   | 255 | Option \"-x\" is unknown, try \"ip -help\".",
        "ip help | 255 | Usage: ip [ OPTIONS ] link { COMMAND | help }",
        "chrt    | 1   | chrt: bad usage",
        "sysctl -n | 1 | sysctl: no variables specified"})
    void usage_errors_need_no_model(String line, int code, String first) {
        OfflineCli.Result r = run(line.strip());
        assertEquals(code, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(first), r.err());
    }

    @Test
    void sysctl_alone_prints_its_usage_on_stderr_as_procps_4_does() {
        OfflineCli.Result r = run("sysctl");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("\nUsage:\n sysctl [options] [variable[=value] ...]\n"), r.err());
        assertTrue(r.err().endsWith("For more details see sysctl(8).\n"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ps aux | 'aux' (BSD format, as in ps aux)", "ps -ef | -f (full format, as in ps -ef)"})
    void ps_aux_and_ps_ef_are_refused_with_what_to_type_model_or_not(String line, String what) {
        OfflineCli.Result r = run(line);
        assertEquals(2, r.code());
        assertEquals("netmodel ps: " + what + " is not offered: its UID, TIME and STIME columns need per-task CPU time "
            + "and start times the model does not keep; try: netmodel ps -eLo pid,cls,rtprio,ni,psr,comm (or --json)\n",
            r.err());
    }

    @ParameterizedTest
    @CsvSource({"ethtool eth0", "ethtool --json -i eth0", "ip link show", "ip -j link", "sysctl net.core.busy_read",
        "chrt -p 1", "taskset -p 1", "ynl --family netdev --dump dev-get"})
    void what_needs_a_device_says_no_model_is_running(String line) {
        OfflineCli.Result r = run(line);
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("netmodel: no model is running at " + dir.resolve("none")
            + " (start one with: netmodel up --daemon --mount " + dir.resolve("none") + ")\n", r.err());
    }
}
