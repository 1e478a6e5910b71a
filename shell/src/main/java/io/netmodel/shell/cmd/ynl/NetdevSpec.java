package io.netmodel.shell.cmd.ynl;

import java.util.List;
import java.util.Map;

/**
 * What ynl reads from {@code /usr/share/ynl/specs/netdev.yaml} (the 6.19 spec,
 * {@code Documentation/netlink/specs/netdev.yaml}) for the operations the model serves:
 * attribute sets with types, enums and docs, and the operations with their modes. The spec is
 * the client's: it is the same whatever release the model runs, as an installed ynl is.
 */
final class NetdevSpec {
    /** Attribute kinds ynl encodes differently. */
    enum Kind { U32, U64, UINT, PAD, NEST }

    /** One attribute: name, kind, enum entries (or null), whether the enum is a flags set, doc (or null). */
    record Attr(String name, Kind kind, List<String> enumEntries, boolean flags, String doc) {
    }

    /** One operation: its attribute set and modes, in the spec's order. */
    record Op(String name, String attrSet, List<String> modes) {
    }

    static final List<String> QUEUE_TYPE = List.of("rx", "tx");
    static final List<String> NAPI_THREADED = List.of("disabled", "enabled", "busy-poll");
    static final List<String> XDP_ACT = List.of("basic", "redirect", "ndo-xmit", "xsk-zerocopy", "hw-offload", "rx-sg",
        "ndo-xmit-sg");
    static final List<String> XDP_RX_METADATA = List.of("timestamp", "hash", "vlan-tag");
    static final List<String> XSK_FLAGS = List.of("tx-timestamp", "tx-checksum", "tx-launch-time-fifo");
    static final List<String> QSTATS_SCOPE = List.of("queue");

    static final Map<String, List<Attr>> SETS = Map.of(
        "dev", List.of(
            new Attr("ifindex", Kind.U32, null, false, "netdev ifindex"),
            new Attr("pad", Kind.PAD, null, false, null),
            new Attr("xdp-features", Kind.U64, XDP_ACT, true, "Bitmask of enabled xdp-features."),
            new Attr("xdp-zc-max-segs", Kind.U32, null, false, "max fragment count supported by ZC driver"),
            new Attr("xdp-rx-metadata-features", Kind.U64, XDP_RX_METADATA, true,
                "Bitmask of supported XDP receive metadata features. See Documentation/networking/xdp-rx-metadata.rst"
                    + " for more details."),
            new Attr("xsk-features", Kind.U64, XSK_FLAGS, true, "Bitmask of enabled AF_XDP features.")),
        "napi", List.of(
            new Attr("ifindex", Kind.U32, null, false, "ifindex of the netdevice to which NAPI instance belongs."),
            new Attr("id", Kind.U32, null, false, "ID of the NAPI instance."),
            new Attr("irq", Kind.U32, null, false, "The associated interrupt vector number for the napi"),
            new Attr("pid", Kind.U32, null, false, "PID of the napi thread, if NAPI is configured to operate in "
                + "threaded mode. If NAPI is not in threaded mode (i.e. uses normal softirq context), the attribute "
                + "will be absent."),
            new Attr("defer-hard-irqs", Kind.U32, null, false, "The number of consecutive empty polls before IRQ "
                + "deferral ends and hardware IRQs are re-enabled."),
            new Attr("gro-flush-timeout", Kind.UINT, null, false, null),
            new Attr("irq-suspend-timeout", Kind.UINT, null, false, null),
            new Attr("threaded", Kind.U32, NAPI_THREADED, false, null)),
        "queue", List.of(
            new Attr("id", Kind.U32, null, false, "Queue index; most queue types are indexed like a C array, with "
                + "indexes starting at 0 and ending at queue count - 1. Queue indexes are scoped to an interface and "
                + "queue type."),
            new Attr("ifindex", Kind.U32, null, false, "ifindex of the netdevice to which the queue belongs."),
            new Attr("type", Kind.U32, QUEUE_TYPE, false, "Queue type as rx, tx. Each queue type defines a separate "
                + "ID space."),
            new Attr("napi-id", Kind.U32, null, false, "ID of the NAPI instance which services this queue."),
            new Attr("dmabuf", Kind.U32, null, false, "ID of the dmabuf attached to this queue, if any."),
            new Attr("io-uring", Kind.NEST, null, false, null),
            new Attr("xsk", Kind.NEST, null, false, null)),
        "qstats", qstats());

    /** The operations the model serves, with the modes the spec gives them. */
    static final List<Op> OPS = List.of(
        new Op("dev-get", "dev", List.of("do", "dump")),
        new Op("queue-get", "queue", List.of("do", "dump")),
        new Op("napi-get", "napi", List.of("do", "dump")),
        new Op("qstats-get", "qstats", List.of("dump")),
        new Op("napi-set", "napi", List.of("do")));

    private NetdevSpec() {
    }

    /**
     * The {@code qstats} set: ifindex, queue-type, queue-id, scope (a {@code qstats-scope} flags
     * enum), then the counters, all {@code uint}, in the spec's order.
     */
    private static List<Attr> qstats() {
        List<Attr> set = new java.util.ArrayList<>(List.of(
            new Attr("ifindex", Kind.U32, null, false, "ifindex of the netdevice to which stats belong."),
            new Attr("queue-type", Kind.U32, QUEUE_TYPE, false, "Queue type as rx, tx, for queue-id."),
            new Attr("queue-id", Kind.U32, null, false, "Queue ID, if stats are scoped to a single queue instance."),
            new Attr("scope", Kind.UINT, QSTATS_SCOPE, true, "What object type should be used to iterate over the "
                + "stats.")));
        for (String name : List.of("rx-packets", "rx-bytes", "tx-packets", "tx-bytes", "rx-alloc-fail", "rx-hw-drops",
            "rx-hw-drop-overruns", "rx-csum-complete", "rx-csum-unnecessary", "rx-csum-none", "rx-csum-bad",
            "rx-hw-gro-packets", "rx-hw-gro-bytes", "rx-hw-gro-wire-packets", "rx-hw-gro-wire-bytes",
            "rx-hw-drop-ratelimits", "tx-hw-drops", "tx-hw-drop-errors", "tx-csum-none", "tx-needs-csum",
            "tx-hw-gso-packets", "tx-hw-gso-bytes", "tx-hw-gso-wire-packets", "tx-hw-gso-wire-bytes",
            "tx-hw-drop-ratelimits", "tx-stop", "tx-wake")) {
            set.add(new Attr(name, Kind.UINT, null, false, null));
        }
        return List.copyOf(set);
    }

    static Op op(String name) {
        for (Op o : OPS) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    static Attr attr(String set, String name) {
        for (Attr a : SETS.get(set)) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
