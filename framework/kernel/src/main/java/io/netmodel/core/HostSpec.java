package io.netmodel.core;

import io.netmodel.bus.NicModel;
import io.netmodel.cpu.SmtControl;
import java.util.ArrayList;
import java.util.List;

/**
 * What hardware a host has: CPUs and the NICs on its bus. The default host has 2 CPUs and one
 * virtio-net device, like the reference 6.18 guest.
 *
 * @param cpus online CPUs
 * @param nics NICs in slot order
 * @param smt what {@code /sys/devices/system/cpu/smt/control} reads at boot
 */
public record HostSpec(int cpus, List<Nic> nics, SmtControl.State smt) {
    public static final int MAX_CPUS = 64;
    public static final int MAX_NICS = 4096;
    public static final int MAX_QUEUE_PAIRS = 256;

    /** One NIC: its hardware model and the queue pairs it offers. */
    public record Nic(NicModel model, int queuePairs) {
        public Nic {
            if (queuePairs < 1 || queuePairs > MAX_QUEUE_PAIRS) {
                throw new IllegalArgumentException("queue pairs must be 1.." + MAX_QUEUE_PAIRS + ", not " + queuePairs);
            }
        }
    }

    public HostSpec {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpus must be 1.." + MAX_CPUS + ", not " + cpus);
        }
        nics = List.copyOf(nics);
        if (smt == null) {
            throw new IllegalArgumentException("smt state is required");
        }
    }

    /** A host whose CPUs have no SMT siblings ({@code smt/control} reads {@code notsupported}), like a small VM. */
    public HostSpec(int cpus, List<Nic> nics) {
        this(cpus, nics, SmtControl.State.NOTSUPPORTED);
    }

    public static HostSpec defaultHost() {
        return new HostSpec(2, List.of(new Nic(NicModel.VIRTIO_NET, NicModel.VIRTIO_NET.defaultQueuePairs())));
    }

    /**
     * Parses a NIC list like {@code virtio_net,e1000:2} (a model name, optionally with a count);
     * {@code queuePairs} > 0 overrides each model's default, capped at what that hardware can
     * have (an e1000 has one queue whatever is asked). Throws IllegalArgumentException naming
     * the bad entry and the known models.
     */
    public static List<Nic> parseNics(String text, int queuePairs) {
        List<Nic> nics = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.trim().split(":", 2);
            NicModel model = NicModel.byName(parts[0]);
            if (model == null) {
                throw new IllegalArgumentException("unknown NIC '" + parts[0] + "' (known: " + known() + ")");
            }
            int count;
            try {
                count = parts.length == 2 ? Integer.parseInt(parts[1]) : 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad NIC count in '" + item + "' (expected NAME[:COUNT])");
            }
            if (count < 1 || nics.size() + count > MAX_NICS) {
                throw new IllegalArgumentException("NIC count must be 1.." + MAX_NICS + " in all, in '" + item + "'");
            }
            int pairs = queuePairs > 0 ? Math.min(queuePairs, model.maxQueuePairs()) : model.defaultQueuePairs();
            for (int i = 0; i < count; i++) {
                nics.add(new Nic(model, pairs));
            }
        }
        return nics;
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (NicModel m : NicModel.values()) {
            names.add(m.driverHint());
        }
        return String.join(", ", names);
    }
}
