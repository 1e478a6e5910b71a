package io.netmodel.shell.cmd;

import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The NIC names {@code netmodel up --nic} accepts: the kernel model's {@code NicModel} catalogue,
 * each named after the module that binds it (and that {@code up} loads for it). The launcher
 * cannot see the kernel bundle's classes, so the list is written here once; {@code --help}, the
 * validation pattern and its error message are derived from it, and {@code KnownNicsTest} boots
 * the kernel with every name to prove both sides agree.
 */
public final class KnownNics implements Iterable<String> {
    /** In the order {@code --help} lists them. */
    public static final List<String> NAMES = List.of("e1000", "igb", "ixgbe", "idpf", "mlx4_en", "virtio_net", "examplenic");
    /** {@code DRIVER[:COUNT]} with COUNT 1..4096 (the kernel checks the total). */
    private static final Pattern NIC = Pattern.compile("(" + String.join("|", NAMES) + ")(:[1-9][0-9]{0,3})?");

    /** Whether {@code spec} is one {@code --nic} item this launcher accepts. */
    public static boolean matches(String spec) {
        return NIC.matcher(spec).matches();
    }

    /** The most NICs a host may have in all ({@code HostSpec.MAX_NICS}). */
    public static final int MAX_TOTAL = 4096;

    /** How many NICs specs that {@link #matches} ask for in all. */
    public static int total(java.util.List<String> specs) {
        int n = 0;
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            n += colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1));
        }
        return n;
    }

    /** {@code e1000, igb, ...}, for messages. */
    public static String list() {
        return String.join(", ", NAMES);
    }

    /** For picocli's {@code ${COMPLETION-CANDIDATES}} and shell completion. */
    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
