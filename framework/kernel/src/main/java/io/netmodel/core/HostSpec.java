package io.netmodel.core;

import io.netmodel.bus.NicModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What hardware a host has: CPUs and the NICs on its bus. The default host has 2 CPUs and one
 * virtio-net device, like the reference 6.18 guest.
 *
 * @param cpus online CPUs
 * @param nics NIC models in slot order
 */
public record HostSpec(int cpus, List<NicModel> nics) {
    public static final int MAX_CPUS = 64;

    public HostSpec {
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new IllegalArgumentException("cpus must be 1.." + MAX_CPUS + ", not " + cpus);
        }
        nics = List.copyOf(nics);
    }

    public static HostSpec defaultHost() {
        return new HostSpec(2, List.of(NicModel.VIRTIO_NET));
    }

    /**
     * Parses a NIC list like {@code virtio_net,virtio_net:2} (a model name, optionally with a
     * count). Throws IllegalArgumentException naming the bad entry and the known models.
     */
    public static List<NicModel> parseNics(String text) {
        List<NicModel> nics = new ArrayList<>();
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
            if (count < 1 || count > 32) {
                throw new IllegalArgumentException("NIC count must be 1..32 in '" + item + "'");
            }
            for (int i = 0; i < count; i++) {
                nics.add(model);
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
