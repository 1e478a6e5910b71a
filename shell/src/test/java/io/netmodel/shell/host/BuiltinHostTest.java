package io.netmodel.shell.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.TestDirs;
import io.netmodel.shell.cmd.UpCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code up --host}: the listing, the refusals, and the override rules. */
class BuiltinHostTest {
    private static int up(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new UpCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void list_prints_every_host_with_its_description() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, up(out, new StringWriter(), "--host", "list"));
        String expected = new String(BuiltinHostTest.class.getResourceAsStream("host-list.txt").readAllBytes());
        assertEquals(expected, out.toString());
    }

    @Test
    void an_unknown_host_names_the_known_ones() {
        StringWriter err = new StringWriter();
        assertEquals(2, up(new StringWriter(), err, "--host", "seed9", "--mount", "/nonexistent/nm"));
        assertEquals("netmodel up: --host seed9: no such built-in host or host file (built-in: seed000, seed001, "
            + "seed004; see: netmodel up --host list)\n", err.toString());
    }

    @Test
    void nic_cannot_be_combined_with_host() {
        StringWriter err = new StringWriter();
        assertEquals(2, up(new StringWriter(), err, "--host", "seed000", "--nic", "igb", "--mount", "/nonexistent/nm"));
        assertTrue(err.toString().startsWith("netmodel up: --host seed000 brings its own NICs (e1000); --nic cannot"),
            err.toString());
    }

    @Test
    void a_host_whose_nic_model_this_build_lacks_says_so() {
        for (BuiltinHost h : BuiltinHost.ALL) {
            for (String nic : h.nics()) {
                if (!io.netmodel.shell.cmd.KnownNics.matches(nic)) {
                    StringWriter err = new StringWriter();
                    assertEquals(1, up(new StringWriter(), err, "--host", h.name(), "--mount", "/nonexistent/nm"));
                    assertEquals("netmodel up: --host " + h.name() + " needs the NIC model '" + nic
                        + "', which this build does not have (known: " + io.netmodel.shell.cmd.KnownNics.list() + ")\n",
                        err.toString());
                }
            }
        }
    }

    @Test
    void the_other_options_override_the_host_and_are_still_checked() throws Exception {
        StringWriter err = new StringWriter();
        Path mp = TestDirs.dir("nm-host");
        assertEquals(2, up(new StringWriter(), err, "--host", "seed000", "--cpus", "65", "--mount", mp.toString()));
        assertEquals("netmodel up: --cpus must be 1..64, not 65\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--host", "seed000", "--kernel", "2.6", "--mount", mp.toString()));
        assertTrue(err.toString().startsWith("netmodel up: --kernel"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--fuse-cache", "86401", "--mount", mp.toString()));
        assertEquals("netmodel up: --fuse-cache must be 0..86400 seconds, not 86401\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--nic", "e1000:5000", "--mount", mp.toString()));
        assertEquals("netmodel up: --nic e1000:5000 asks for 5000 NICs; a host has 1..4096 in all\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--nic", "e1000:4000,igb:97", "--mount", mp.toString()));
        assertEquals("netmodel up: --nic e1000:4000,igb:97 asks for 4097 NICs; a host has 1..4096 in all\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--queues", "0", "--mount", mp.toString()));
        assertEquals("netmodel up: --queues must be 1..256, not 0\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, up(new StringWriter(), err, "--mount", ""));
        assertEquals("netmodel up: --mount needs a directory, not an empty path\n", err.toString());
    }

    @org.junit.jupiter.api.Test
    void a_host_file_sets_what_a_built_in_host_does(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("lab.host");
        java.nio.file.Files.writeString(f, "# our lab box\ndescription = two ixgbe ports\nkernel = 4.19\ncpus = 16\n"
            + "nics = ixgbe:2, virtio_net\nsmt = on\n");
        BuiltinHost h = BuiltinHost.fromFile(f);
        org.junit.jupiter.api.Assertions.assertEquals(
            new BuiltinHost("lab.host", "two ixgbe ports", "4.19", 16, java.util.List.of("ixgbe:2", "virtio_net"), "on"), h);
        java.nio.file.Files.writeString(f, "nics = e1000\n");
        org.junit.jupiter.api.Assertions.assertEquals(
            new BuiltinHost("lab.host", "host file " + f, "6.19", 2, java.util.List.of("e1000"), "notsupported"),
            BuiltinHost.fromFile(f));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "nicz = e1000|unknown key 'nicz'", "cpus = 4|no 'nics'", "nics = e1000\\ncpus = many|cpus = many is not a number",
        "nics = e1000\\nsmt = maybe|smt = maybe: one of on"})
    void a_bad_host_file_says_what_to_write(String text, String message,
                                            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("bad.host");
        java.nio.file.Files.writeString(f, text.replace("\\n", "\n"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> BuiltinHost.fromFile(f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
