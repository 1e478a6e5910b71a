package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.cmd.KnownNics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The launcher's list of NIC names ({@link KnownNics}) against the kernel bundle's catalogue and
 * the deploy directory: a host with one NIC of every listed kind boots in a real embedded Felix,
 * and modprobe of the module named like each NIC gives it a netdev.
 */
@Timeout(120)
class KnownNicsTest {

    @Test
    void every_listed_nic_boots_and_its_module_binds_it() throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        String all = String.join(",", KnownNics.NAMES);
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 2, all, 0), layout.systemDir(),
                layout.bundlesDir(), cache)) {
            for (String nic : KnownNics.NAMES) {
                host.modprobe(nic, Map.of());
            }
            List<String> netdevs = host.fs().list("/sys/class/net");
            for (int i = 0; i < KnownNics.NAMES.size(); i++) {
                assertTrue(netdevs.contains("eth" + i), "eth" + i + " in " + netdevs);
            }
            assertEquals(KnownNics.NAMES.size() + 1, netdevs.stream().filter(n -> !n.startsWith(".")).count());
        }
    }

    @Test
    void help_and_errors_name_every_nic() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new io.netmodel.shell.cmd.UpCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.execute("--help");
        String help = out.toString().replaceAll("\\s+", " "); // picocli wraps the description
        assertTrue(help.contains("Known: e1000, igb, ixgbe, idpf, mlx4_en, virtio_net, examplenic."), out.toString());

        assertEquals(2, cl.execute("--nic", "mlx4", "--mount", "/nonexistent/netmodel-test"));
        assertTrue(err.toString().contains("DRIVER one of: e1000, igb, ixgbe, idpf, mlx4_en, virtio_net, examplenic,"), err.toString());
    }
}
