package io.netmodel.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Completion of commands, options, device names, modules and model paths, on a fake model. */
class ReplCompleterTest {
    /** A model with eth0, lo and a few files; listings as {@code ls -pL} gives them. */
    static final Map<String, List<String>> TREE = Map.of(
        "/", List.of("proc/", "sys/"),
        "/sys/", List.of("bus/", "class/", "devices/", "module/"),
        "/sys/class/", List.of("net/"),
        "/sys/class/net/", List.of("bonding_masters", "eth0/", "lo/"),
        "/sys/class/net/eth0/", List.of("address", "mtu", "queues/", "statistics/"),
        "/sys/module/", List.of("virtio_net/"));
    static final List<String> ASKED = new ArrayList<>();
    static final ModelListing MODEL = new ModelListing() {
        @Override
        public List<String> list(String dir) {
            ASKED.add(dir);
            return TREE.getOrDefault(dir, List.of());
        }

        @Override
        public List<String> probes() {
            return List.of("napi_busy_loop", "napi_poll", "napi_schedule", "net_rx_action", "netif_napi_add");
        }
    };

    private static Terminal terminal;
    private static LineReader reader;

    @BeforeAll
    static void reader() throws IOException {
        terminal = TerminalBuilder.builder().dumb(true).system(false)
            .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
        reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    @AfterAll
    static void close() throws IOException {
        terminal.close();
    }

    /** What JLine would offer for {@code line} with the cursor at its end: the candidates matching the word. */
    static List<Candidate> complete(CommandSpec root, String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> all = new ArrayList<>();
        new ReplCompleter(root, MODEL).complete(reader, parsed, all);
        return all.stream().filter(c -> c.value().startsWith(parsed.word())).toList();
    }

    static TreeSet<String> values(CommandSpec root, String line) {
        TreeSet<String> out = new TreeSet<>();
        complete(root, line).forEach(c -> out.add(c.value()));
        return out;
    }

    static TreeSet<String> values(String line) {
        return values(Main.commandLine().getCommandSpec(), line);
    }

    @Test
    void command_names_come_from_the_command_model() {
        assertEquals(new TreeSet<>(List.of("modinfo", "modprobe")), values("mod"));
        assertEquals(new TreeSet<>(List.of("ls", "lsmod")), values("ls"));
        assertTrue(values("").containsAll(List.of("up", "down", "cat", "write", "shell", "completion", "bench")), values("").toString());
        assertEquals(new TreeSet<>(List.of("xsk-rr")), values("bench xs"));
    }

    @Test
    void option_names_without_the_hidden_ones() {
        assertEquals(new TreeSet<>(List.of("--daemon")), values("up --dae"));
        assertFalse(values("up --").contains("--daemon-child"));
        assertTrue(values("up --").containsAll(List.of("--kernel", "--nic", "--mount", "--help")));
    }

    @Test
    void option_values_from_their_candidates() {
        assertEquals(new TreeSet<>(List.of("e1000")), values("up --nic e1"));
        assertEquals(new TreeSet<>(List.of("bash")), values("completion b"));
        assertEquals(new TreeSet<>(List.of("start", "status", "stop")), values("traffic st"));
        assertEquals(new TreeSet<>(List.of("busy-poll", "busy-poll-separate")), values("bench xsk-rr --mode bu"));
    }

    @Test
    void model_paths_segment_by_segment() {
        List<Candidate> sys = complete(Main.commandLine().getCommandSpec(), "cat /sys/cl");
        assertEquals(1, sys.size());
        assertEquals("/sys/class/", sys.get(0).value());
        assertFalse(sys.get(0).complete(), "a directory: no space after it, the next Tab goes on");
        List<Candidate> mtu = complete(Main.commandLine().getCommandSpec(), "cat /sys/class/net/eth0/m");
        assertEquals("/sys/class/net/eth0/mtu", mtu.get(0).value());
        assertTrue(mtu.get(0).complete(), "a file: done");
        assertEquals(new TreeSet<>(List.of("/proc/", "/sys/")), values("cat "));
        assertEquals(new TreeSet<>(List.of("/sys/class/net/eth0/")), values("cat /sys/class/net/mtu /sys/class/net/e"));
        assertEquals(new TreeSet<>(List.of("/sys/class/net/eth0/mtu")), values("write -n /sys/class/net/eth0/mt"));
        assertEquals(new TreeSet<>(List.of("/sys/")), values("ls -pL /s"));
        assertEquals(new TreeSet<>(), values("cat sys/cl"), "model paths are absolute");
    }

    @Test
    void a_value_is_not_a_path_where_the_command_wants_something_else() {
        ASKED.clear();
        assertEquals(new TreeSet<>(), values("write /sys/class/net/eth0/mtu /s"), "write's second word is the VALUE");
        assertFalse(ASKED.contains("/"), ASKED.toString());
    }

    @Test
    void a_dir_value_completes_local_directories() throws IOException {
        ASKED.clear();
        TreeSet<String> local = new TreeSet<>();
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/"))) {
            dirs.filter(java.nio.file.Files::isDirectory).map(p -> p + "/").filter(p -> p.startsWith("/s")).forEach(local::add);
        }
        assertEquals(local, values("cat --mount /s"), "--mount takes a local DIR, not a model path");
        assertEquals(List.of(), ASKED);
    }

    @Test
    void loaded_modules_for_rmmod_known_ones_for_modprobe() {
        assertEquals(new TreeSet<>(List.of("virtio_net")), values("rmmod "));
        assertEquals(new TreeSet<>(List.of("virtio_net")), values("rmmod -f vi"));
        assertTrue(values("modprobe ").containsAll(List.of("e1000", "igb", "ixgbe", "virtio_net")), values("modprobe ").toString());
    }

    /** A stand-in for commands other branches add: the label or the 'dev' keyword asks for a device. */
    @Command(name = "tool", subcommands = {Ethtool.class, Ip.class})
    static final class Tool {
    }

    @Command(name = "ethtool")
    static final class Ethtool {
        @Option(names = "-i", paramLabel = "DEVNAME")
        String driverOf;

        @Option(names = "-s", paramLabel = "<stat>")
        String stat;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DEVNAME")
        String dev;
    }

    @Command(name = "ip")
    static final class Ip {
        @Parameters(paramLabel = "ARGS")
        List<String> args;
    }

    @Test
    void device_names_from_sys_class_net_for_any_command_that_asks_for_one() {
        CommandSpec tool = new CommandLine(new Tool()).getCommandSpec();
        assertEquals(new TreeSet<>(List.of("eth0", "lo")), values(tool, "ethtool "), "bonding_masters is a file, not a device");
        assertEquals(new TreeSet<>(List.of("eth0")), values(tool, "ethtool -i e"));
        assertEquals(new TreeSet<>(), values(tool, "ethtool -s e"), "a label that names no device");
        assertEquals(new TreeSet<>(List.of("eth0", "lo")), values(tool, "ip link set dev "));
        assertEquals(new TreeSet<>(List.of("eth0")), values(tool, "ip link set e"), "ip link set DEVICE");
        assertEquals(new TreeSet<>(), values(tool, "ip link set eth0 m"), "after the device: ip's keywords");
        assertEquals(new TreeSet<>(), values(tool, "ip link "));
    }

    /** The real ethtool and ip take their tool's own arguments: devices go where their syntax puts them. */
    @Test
    void device_names_where_ethtool_and_ip_put_them() {
        assertEquals(new TreeSet<>(List.of("eth0")), values("ethtool -c e"));
        assertEquals(new TreeSet<>(List.of("eth0")), values("ethtool e"));
        assertEquals(new TreeSet<>(List.of("eth0")), values("ethtool -X e"));
        assertEquals(new TreeSet<>(), values("ethtool -X eth0 w"), "after the device: the mode's own words");
        assertEquals(new TreeSet<>(List.of("eth0")), values("ip link show e"));
        assertEquals(new TreeSet<>(List.of("eth0")), values("ip -s link show e"));
        assertEquals(new TreeSet<>(List.of("eth0")), values("ip link set e"));
        assertEquals(new TreeSet<>(), values("ip link set eth0 up e"));
    }

    @Test
    void trace_completes_the_models_probe_names_for_each_of_its_probes() {
        assertEquals(new TreeSet<>(List.of("napi_busy_loop", "napi_poll", "napi_schedule")), values("trace napi_"));
        assertEquals(new TreeSet<>(List.of("net_rx_action", "netif_napi_add")), values("trace napi_poll ne"));
        assertEquals(new TreeSet<>(List.of("--count")), values("trace napi_poll --cou"), "options still complete");
    }

    @Test
    void no_model_completes_nothing_but_commands_still_complete() {
        ModelListing none = dir -> List.of();
        ParsedLine parsed = new DefaultParser().parse("cat /sys/", 9, Parser.ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        new ReplCompleter(Main.commandLine().getCommandSpec(), none).complete(reader, parsed, out);
        assertEquals(List.of(), out);
        assertEquals(new TreeSet<>(List.of("modinfo", "modprobe")), values("mod"));
    }
}
