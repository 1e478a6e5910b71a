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

    /** The keys a host file may set. */
    public static final List<String> FILE_KEYS = List.of("description", "kernel", "cpus", "nics", "smt");

    /**
     * A host described in a file ({@code --host FILE}), Java properties syntax:
     * <pre>
     * description = two ixgbe ports on 4.19
     * kernel = 4.19
     * cpus = 16
     * nics = ixgbe:2, virtio_net
     * smt = on
     * </pre>
     * {@code nics} is required; {@code kernel} defaults to 6.19, {@code cpus} to 2, {@code smt} to
     * {@code notsupported}. Unknown keys and malformed values are refused with what to write.
     */
    public static BuiltinHost fromFile(java.nio.file.Path file) throws IllegalArgumentException, java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            if (!FILE_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (a host file sets: "
                    + String.join(", ", FILE_KEYS) + ")");
            }
        }
        String nics = p.getProperty("nics", "").trim();
        if (nics.isEmpty()) {
            throw new IllegalArgumentException("no 'nics' (e.g. nics = ixgbe:2, virtio_net)");
        }
        int cpus;
        try {
            cpus = Integer.parseInt(p.getProperty("cpus", "2").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cpus = " + p.getProperty("cpus") + " is not a number");
        }
        String smt = p.getProperty("smt", "notsupported").trim();
        if (!List.of("on", "off", "forceoff", "notsupported", "notimplemented").contains(smt)) {
            throw new IllegalArgumentException("smt = " + smt + ": one of on, off, forceoff, notsupported, notimplemented");
        }
        List<String> nicList = new java.util.ArrayList<>();
        for (String n : nics.split(",")) {
            if (!n.isBlank()) {
                nicList.add(n.trim());
            }
        }
        String name = file.getFileName().toString();
        return new BuiltinHost(name, p.getProperty("description", "host file " + file).trim(),
            p.getProperty("kernel", "6.19").trim(), cpus, nicList, smt);
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
