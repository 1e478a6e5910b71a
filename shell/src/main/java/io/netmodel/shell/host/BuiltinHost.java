package io.netmodel.shell.host;

import java.util.List;
import java.util.Optional;

/**
 * A named host {@code netmodel up --host NAME} starts: the kernel release, CPUs, NICs and SMT
 * state of a machine from the seeds, so a script written for it finds what it expects.
 *
 * @param name        what {@code --host} takes
 * @param description one line for {@code --host list}
 * @param kernel      kernel release
 * @param cpus        CPUs
 * @param nics        {@code --nic} items (driver names, optionally {@code :COUNT})
 * @param smt         what {@code /sys/devices/system/cpu/smt/control} reads at boot
 */
public record BuiltinHost(String name, String description, String kernel, int cpus, List<String> nics, String smt) {

    /** In the order {@code --host list} prints them. */
    public static final List<BuiltinHost> ALL = List.of(
        new BuiltinHost("seed000", "Ubuntu 16.04's 4.4 kernel with an e1000 (seed 000: busy polling that never runs)",
            "4.4", 2, List.of("e1000"), "notsupported"),
        new BuiltinHost("seed001", "6.19 with an idpf NIC, 8 CPUs, SMT on (seed 001: xsk_rr and its set-up script)",
            "6.19", 8, List.of("idpf"), "on"),
        new BuiltinHost("seed004", "3.13 with an igb (seed 004: ethtool -T, busy_poll=50 without a gain)",
            "3.13", 4, List.of("igb"), "notsupported"));

    public BuiltinHost {
        nics = List.copyOf(nics);
    }

    /** The built-in host called {@code name}. */
    public static Optional<BuiltinHost> named(String name) {
        return ALL.stream().filter(h -> h.name.equals(name)).findFirst();
    }

    /** {@code seed000, seed001, ...}, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(BuiltinHost::name).toList());
    }

    /** The {@code --host list} table: name, then the description, aligned. */
    public static String listing() {
        int width = ALL.stream().mapToInt(h -> h.name.length()).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (BuiltinHost h : ALL) {
            sb.append(String.format("%-" + width + "s  %s%n", h.name, h.description));
        }
        return sb.toString();
    }
}
