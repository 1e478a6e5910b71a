package io.netmodel.shell.cmd.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Layout;
import io.netmodel.shell.cmd.OfflineCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netmodel modinfo} with no model running (a missing instance), over the built deploy
 * directory: each driver's fields as kmod 30 prints them (golden; the license, description,
 * author and parm lines of e1000, igb, ixgbe, mlx4_en and virtio_net are those of Debian 12's
 * 6.1 modules), field filters, NUL ends, {@code -k} and errors.
 */
class ModinfoTest {
    @TempDir
    Path dir;

    private OfflineCli.Result run(String... words) {
        return OfflineCli.run(dir, words);
    }

    /** The output with the deploy directory's path written as {@code <bundles>}. */
    private static String portable(String text) {
        return text.replace(Layout.fromEnvironment().bundlesDir().toString(), "<bundles>");
    }

    @Test
    void every_driver_prints_its_modinfo() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String m : List.of("e1000", "igb", "ixgbe", "mlx4_en", "virtio_net", "idpf", "examplenic")) {
            OfflineCli.Result r = run("modinfo", m);
            assertEquals(0, r.code(), r.err());
            all.append(portable(r.out()));
        }
        ToolGolden.check("modinfo-all-6.19.txt", all.toString());
    }

    @Test
    void a_field_prints_only_its_values() {
        assertEquals("GPL v2\n", run("modinfo", "-l", "ixgbe").out());
        assertEquals("Virtio network driver\n", run("modinfo", "-d", "virtio-net").out());
        assertEquals("Liran Liss, Yevgeny Petrilin\n", run("modinfo", "-a", "mlx4_en").out());
        assertEquals("napi_weight:int\ncsum:bool\ngso:bool\nnapi_tx:bool\n", run("modinfo", "-p", "virtio_net").out());
        assertEquals("pci:v00008086d00001524sv*sd*bc*sc*i*\npci:v00008086d00001523sv*sd*bc*sc*i*\n"
            + "pci:v00008086d00001522sv*sd*bc*sc*i*\npci:v00008086d00001521sv*sd*bc*sc*i*\n", run("modinfo", "-F", "alias", "igb").out());
        assertEquals("", run("modinfo", "-F", "nosuchfield", "igb").out());
        assertEquals("igb\0GPL v2\0", run("modinfo", "-0", "-F", "name", "igb").out() + run("modinfo", "-0", "-l", "igb").out());
        assertTrue(run("modinfo", "-n", "igb").out().endsWith("/igb.jar\n"));
        // kmod's getopt loop: the last of -a, -d, -l, -p, -n, -F wins (checked with kmod 30 on a test .ko)
        assertEquals("GPL v2\n", run("modinfo", "-a", "-l", "ixgbe").out());
        assertEquals("GPL v2\n", run("modinfo", "-a", "-d", "-l", "ixgbe").out());
        assertEquals("Liran Liss, Yevgeny Petrilin\n", run("modinfo", "-l", "-a", "mlx4_en").out());
        assertEquals("GPL v2\n", run("modinfo", "-F", "alias", "-l", "ixgbe").out());
    }

    @Test
    void the_kernel_release_chooses_vermagic_and_parameters() {
        assertTrue(run("modinfo", "-k", "4.4", "e1000").out().contains("vermagic:       4.4.0-netmodel SMP preempt mod_unload modversions \n"));
        assertEquals("", run("modinfo", "-F", "version", "ixgbe").out(), "MODULE_VERSION went in 5.9");
        assertEquals("5.1.0-k\n", run("modinfo", "-k", "5.8", "-F", "version", "ixgbe").out());
        assertEquals("", run("modinfo", "-k", "4.4", "-F", "version", "virtio_net").out(), "never had one");
        assertTrue(run("modinfo", "-k", "6.8", "-p", "ixgbe").out().contains("allow_unsupported_sfp:"));
        OfflineCli.Result r = run("modinfo", "-k", "9.9", "e1000");
        assertEquals(1, r.code());
        assertEquals("modinfo: ERROR: Module e1000 not found.\n", r.err());
    }

    @Test
    void a_jar_path_is_read_as_a_module_file() throws Exception {
        Path jar = Layout.fromEnvironment().bundlesDir().resolve("ixgbe.jar");
        Path copy = Files.copy(jar, dir.resolve("my-ixgbe.jar"));
        OfflineCli.Result r = run("modinfo", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("filename:       " + copy.toAbsolutePath() + "\n"), r.out());
        assertTrue(r.out().contains("name:           ixgbe\n"), r.out());
    }

    @Test
    void errors_read_like_kmod() throws Exception {
        OfflineCli.Result missing = run("modinfo", "foo", "igb");
        assertEquals(1, missing.code());
        assertEquals("modinfo: ERROR: Module foo not found.\n", missing.err());
        assertTrue(missing.out().contains("name:           igb\n"), "the other modules are still printed");
        OfflineCli.Result none = run("modinfo");
        assertEquals(1, none.code());
        assertEquals("modinfo: ERROR: missing module or filename.\n", none.err());
        Path notDriver = Files.writeString(dir.resolve("empty.jar"), "not a jar");
        OfflineCli.Result bad = run("modinfo", notDriver.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("modinfo: ERROR: could not get modinfo from '" + notDriver + "': "), bad.err());
    }
}
