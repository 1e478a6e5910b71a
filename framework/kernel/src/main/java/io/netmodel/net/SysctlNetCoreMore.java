package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of {@code net/core/sysctl_net_core.c} that are not single integers
 * (kernel-interfaces.md §3.2): the string entries {@code netdev_rss_key} ({@code proc_do_rss_key})
 * and {@code default_qdisc} ({@code set_default_qdisc}), and the CPU masks
 * {@code flow_limit_cpu_bitmap} ({@code flow_limit_cpu_sysctl}) and {@code rps_default_mask}
 * ({@code rps_default_mask_sysctl}). The {@code bpf_jit_*} rows are left out: they belong to the
 * BPF JIT, need CAP_SYS_ADMIN and nothing in the receive-path model reads them.
 */
public final class SysctlNetCoreMore {
    /** {@code NETDEV_RSS_KEY_LEN}. */
    static final int NETDEV_RSS_KEY_LEN = 52;
    /** {@code IFNAMSIZ}: {@code set_default_qdisc} copies at most IFNAMSIZ-1 characters. */
    private static final int IFNAMSIZ = 16;
    /**
     * The qdiscs {@code qdisc_lookup_default} finds, after {@code request_module("net-sch-%s")}:
     * those {@code pktsched_init} registers (pfifo_fast, pfifo, bfifo, pfifo_head_drop, mq, noqueue)
     * and the modules a distribution kernel ships for the common schedulers. A name not in this
     * list is a qdisc whose module does not exist: ENOENT. (The list is the model's choice; a real
     * host answers by what is in /lib/modules.)
     */
    static final List<String> QDISCS = List.of("pfifo_fast", "pfifo", "bfifo", "pfifo_head_drop", "mq",
        "noqueue", "fq", "fq_codel", "fq_pie", "codel", "pie", "sfq", "cake", "tbf", "prio", "multiq",
        "mqprio", "red", "choke", "htb", "hfsc", "drr", "qfq", "ets", "netem", "sfb", "hhf", "skbprio",
        "plug", "taprio", "cbs", "etf", "gred", "ingress", "clsact");

    private final int nrCpuIds;
    private final byte[] rssKey = new byte[NETDEV_RSS_KEY_LEN];
    private boolean rssKeyFilled;
    private String defaultQdisc = "pfifo_fast";
    private BitSet flowLimitCpus = new BitSet();
    private BitSet rpsDefaultMask = new BitSet();

    public SysctlNetCoreMore(KTree tree, KernelProfile profile, int nrCpuIds) {
        this.nrCpuIds = nrCpuIds;
        KDir dir = tree.mkdirs("/proc/sys/net/core");
        if (profile.has(Behaviour.SYSCTL_NETDEV_RSS_KEY)) {
            dir.attr("netdev_rss_key", 0444, KAttr.Flavor.PROC_SYS, this::rssKey, null)
                .procHandler(KAttr.ProcHandler.DOSTRING);
        }
        if (profile.has(Behaviour.SYSCTL_DEFAULT_QDISC)) {
            dir.attr("default_qdisc", 0644, KAttr.Flavor.PROC_SYS, () -> defaultQdisc + "\n", this::storeDefaultQdisc)
                .procHandler(KAttr.ProcHandler.DOSTRING);
        }
        dir.attr("flow_limit_cpu_bitmap", 0644, KAttr.Flavor.PROC_SYS,
            () -> Bitmap.print(flowLimitCpus, nrCpuIds) + "\n", (data, caller) -> {
                flowLimitCpus = Bitmap.parse(data, nrCpuIds);
                return data.length;
            }).procHandler(KAttr.ProcHandler.CPUMASK);
        if (profile.has(Behaviour.RPS_DEFAULT_MASK)) {
            dir.attr("rps_default_mask", 0644, KAttr.Flavor.PROC_SYS,
                () -> Bitmap.print(rpsDefaultMask, nrCpuIds) + "\n", this::storeRpsDefaultMask)
                .procHandler(KAttr.ProcHandler.CPUMASK);
        }
    }

    /** {@code default_qdisc} as {@code qdisc_get_default} reports it. */
    public String defaultQdisc() {
        return defaultQdisc;
    }

    /** {@code rps_default_mask}: the RPS map new rx queues start with. */
    public BitSet rpsDefaultMask() {
        return (BitSet) rpsDefaultMask.clone();
    }

    /** {@code flow_limit_cpu_bitmap}: the CPUs whose softnet_data has a flow-limit table. */
    public BitSet flowLimitCpus() {
        return (BitSet) flowLimitCpus.clone();
    }

    /**
     * {@code netdev_rss_key_fill(buffer, len)} ({@code net/core/ethtool.c}): the first driver that
     * asks fills {@code netdev_rss_key} ({@code net_get_random_once}), every later one gets the
     * same bytes. The model draws them from a fixed seed, so every boot has the same key (the real
     * one differs per boot) and runs stay reproducible.
     *
     * @throws IllegalArgumentException if {@code len} is more than {@value #NETDEV_RSS_KEY_LEN}
     */
    public byte[] netdevRssKeyFill(int len) {
        if (len < 0 || len > NETDEV_RSS_KEY_LEN) {
            throw new IllegalArgumentException("netdev_rss_key_fill: " + len + " > " + NETDEV_RSS_KEY_LEN);
        }
        if (!rssKeyFilled) {
            new java.util.Random(0x6e65746d6f64656cL).nextBytes(rssKey); // "netmodel"
            rssKeyFilled = true;
        }
        return java.util.Arrays.copyOf(rssKey, len);
    }

    /** {@code proc_do_rss_key}: {@code "%*phC"} of the 52 bytes, then {@code proc_dostring}'s newline. */
    private String rssKey() {
        StringBuilder sb = new StringBuilder(NETDEV_RSS_KEY_LEN * 3);
        for (int i = 0; i < NETDEV_RSS_KEY_LEN; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((rssKey[i] >> 4) & 0xf, 16)).append(Character.forDigit(rssKey[i] & 0xf, 16));
        }
        return sb.append('\n').toString();
    }

    /**
     * {@code set_default_qdisc}: {@code proc_dostring} into a 16-byte buffer (stops at a newline
     * or NUL, keeps at most 15 characters, all bytes reported consumed), then
     * {@code qdisc_set_default}: CAP_NET_ADMIN else EPERM, an unknown name (after the module
     * request) ENOENT. The old default stays on any error. A write at an offset > 0 continues the
     * current name from there ({@link KAttr.ProcHandler#DOSTRING}), and this store gets the result.
     */
    private int storeDefaultQdisc(byte[] data, Caller caller) throws VfsException {
        int len = Kstrtox.cstrlen(data);
        int end = 0;
        while (end < len && end < IFNAMSIZ - 1 && data[end] != '\n') {
            end++;
        }
        String id = new String(data, 0, end, StandardCharsets.ISO_8859_1);
        if (!caller.hasNetAdmin()) {
            throw new VfsException(Errno.EPERM);
        }
        if (!QDISCS.contains(id)) {
            throw new VfsException(Errno.ENOENT);
        }
        defaultQdisc = id;
        return data.length;
    }

    /**
     * {@code rps_default_mask_sysctl}: {@code cpumask_parse} (EINVAL, EOVERFLOW), then
     * {@code rps_cpumask_housekeeping}: a non-empty mask with no housekeeping CPU is EINVAL. The
     * model has no isolated CPUs, so every CPU is a housekeeping one. As far as recalled (not
     * checked against source here) the kernel parses straight into the netns mask, so a failed
     * parse can leave the chunks it read first written ({@code x,3} on 2 CPUs: EOVERFLOW, yet the
     * mask reads 3); the model parses into a copy and a bad write changes nothing.
     */
    private int storeRpsDefaultMask(byte[] data, Caller caller) throws VfsException {
        rpsDefaultMask = Bitmap.parse(data, nrCpuIds);
        return data.length;
    }
}
