package io.netmodel.netlink;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code netdev} family's attribute sets and per-operation request policies
 * ({@code net/core/netdev-genl-gen.c}, generated from {@code netdev.yaml}), for the modelled
 * release: which operations exist and which attributes each accepts.
 */
final class NetdevPolicy {
    static final List<NlAttr> DEV = List.of(NlAttr.u32Min("ifindex", 1, 1), NlAttr.u32("pad", 2),
        NlAttr.u32("xdp-features", 3), NlAttr.u32("xdp-zc-max-segs", 4), NlAttr.u32("xdp-rx-metadata-features", 5),
        NlAttr.u32("xsk-features", 6));
    static final List<NlAttr> NAPI = List.of(NlAttr.u32Min("ifindex", 1, 1), NlAttr.u32("id", 2), NlAttr.u32("irq", 3),
        NlAttr.u32("pid", 4), NlAttr.u32Max("defer-hard-irqs", 5, NlAttr.S32_MAX), NlAttr.uint("gro-flush-timeout", 6),
        NlAttr.uint("irq-suspend-timeout", 7), NlAttr.u32("threaded", 8));
    static final List<NlAttr> QUEUE = List.of(NlAttr.u32("id", 1), NlAttr.u32Min("ifindex", 2, 1),
        NlAttr.u32Max("type", 3, 1), NlAttr.u32("napi-id", 4), NlAttr.u32("dmabuf", 5), NlAttr.u32("io-uring", 6),
        NlAttr.u32("xsk", 7));

    /** The {@code qstats} set: ids 5-7 are reserved, the counters start at 8 ({@code value: 8} in the spec). */
    static final List<NlAttr> QSTATS = qstats();

    private NetdevPolicy() {
    }

    /** The do policy of {@code op}, or null when this release has no such operation. */
    static NlOp doPolicy(String op, KernelProfile profile) {
        if (!profile.has(Behaviour.NETDEV_GENL)) {
            return null;
        }
        switch (op) {
            case "dev-get":
                return new NlOp(DEV, pick(DEV, "ifindex"), 1);
            case "queue-get":
                return profile.has(Behaviour.NETDEV_GENL_QUEUE_NAPI)
                    ? new NlOp(QUEUE, pick(QUEUE, "id", "ifindex", "type"), 3) : null;
            case "napi-get":
                return profile.has(Behaviour.NETDEV_GENL_QUEUE_NAPI) ? new NlOp(NAPI, pick(NAPI, "id"), 2) : null;
            case "napi-set":
                if (!profile.has(Behaviour.PER_NAPI_NETLINK_CONFIG)) {
                    return null;
                }
                if (!profile.has(Behaviour.NAPI_THREADED_NETLINK)) {
                    return new NlOp(NAPI, pick(NAPI, "id", "defer-hard-irqs", "gro-flush-timeout", "irq-suspend-timeout"), 7);
                }
                // NLA_POLICY_MAX(NLA_U32, NETDEV_NAPI_THREADED_ENABLED), BUSY_POLL from 6.19
                List<NlAttr> p = new ArrayList<>(pick(NAPI, "id", "defer-hard-irqs", "gro-flush-timeout", "irq-suspend-timeout"));
                p.add(NlAttr.u32Max("threaded", 8, profile.has(Behaviour.THREADED_BUSY_POLL) ? 2 : 1));
                return new NlOp(NAPI, p, 8);
            default:
                return null;
        }
    }

    /** The dump policy of {@code op}, or null when this release has no such dump. */
    static NlOp dumpPolicy(String op, KernelProfile profile) {
        if (!profile.has(Behaviour.NETDEV_GENL)) {
            return null;
        }
        switch (op) {
            case "dev-get":
                return new NlOp(DEV, List.of(), 0);
            case "queue-get":
                return profile.has(Behaviour.NETDEV_GENL_QUEUE_NAPI) ? new NlOp(QUEUE, pick(QUEUE, "ifindex"), 2) : null;
            case "napi-get":
                return profile.has(Behaviour.NETDEV_GENL_QUEUE_NAPI) ? new NlOp(NAPI, pick(NAPI, "ifindex"), 1) : null;
            case "qstats-get":
                // netdev_qstats_get_nl_policy, maxattr NETDEV_A_QSTATS_SCOPE; ifindex from 6.10
                if (!profile.has(Behaviour.NETDEV_QSTATS)) {
                    return null;
                }
                return new NlOp(QSTATS, profile.has(Behaviour.NETDEV_QSTATS_IFINDEX) ? pick(QSTATS, "ifindex", "scope")
                    : pick(QSTATS, "scope"), 4);
            default:
                return null;
        }
    }

    private static List<NlAttr> qstats() {
        List<NlAttr> set = new ArrayList<>(List.of(NlAttr.u32Min("ifindex", 1, 1), NlAttr.u32("queue-type", 2),
            NlAttr.u32("queue-id", 3), NlAttr.uintMask("scope", 4, 0x1)));
        List<String> counters = new ArrayList<>(List.of("rx-packets", "rx-bytes", "tx-packets", "tx-bytes"));
        for (String name : io.netmodel.api.netdev.QueueStatsRx.ATTRS) {
            if (!counters.contains(name)) {
                counters.add(name);
            }
        }
        for (String name : io.netmodel.api.netdev.QueueStatsTx.ATTRS) {
            if (!counters.contains(name)) {
                counters.add(name);
            }
        }
        for (int i = 0; i < counters.size(); i++) {
            set.add(NlAttr.uint(counters.get(i), 8 + i));
        }
        return List.copyOf(set);
    }

    private static List<NlAttr> pick(List<NlAttr> set, String... names) {
        List<NlAttr> out = new ArrayList<>();
        for (String n : names) {
            for (NlAttr a : set) {
                if (a.name().equals(n)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
