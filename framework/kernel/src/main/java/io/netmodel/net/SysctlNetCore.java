package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.ProcDointvec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/sys/net/core}: the rows of {@code net/core/sysctl_net_core.c} the model keeps,
 * each with its handler, bounds and default (kernel-interfaces.md §3.2). The values are
 * read by the receive path (budgets, busy poll) directly from here.
 */
public final class SysctlNetCore {
    /** The modelled {@code CONFIG_HZ}. */
    public static final int HZ = 250;
    private static final int INT_MAX = Integer.MAX_VALUE;
    private static final int INT_MIN = Integer.MIN_VALUE;
    /**
     * {@code SK_WMEM_DEFAULT}/{@code SK_RMEM_DEFAULT}: {@code SK_WMEM_MAX} = 256 *
     * {@code SKB_TRUESIZE(256)} = 212992 on x86_64 (kernel-interfaces.md §3.2); the old rmem_max too.
     */
    static final int SK_DEFAULT_MEM = 212992;
    /** {@code rmem_max}/{@code wmem_max} from 6.18: 4 MiB. */
    static final int RMEM_MAX_6_18 = 4 * 1024 * 1024;
    /**
     * {@code SOCK_MIN_SNDBUF} = 2 * {@code TCP_SKB_MIN_TRUESIZE} and {@code SOCK_MIN_RCVBUF} =
     * {@code TCP_SKB_MIN_TRUESIZE} = 2048 + {@code SKB_DATA_ALIGN(sizeof(struct sk_buff))} (256 on
     * x86_64): the extra1 of the four buffer rows ({@code min_sndbuf}, {@code min_rcvbuf}).
     */
    static final int SOCK_MIN_RCVBUF = 2048 + 256;
    static final int SOCK_MIN_SNDBUF = 2 * SOCK_MIN_RCVBUF;
    /** {@code SK_MEMORY_PCPU_RESERVE}: {@code 1 << (20 - PAGE_SHIFT)} pages = 256. */
    static final int SK_MEMORY_PCPU_RESERVE = 256;
    /** {@code MAX_SKB_FRAGS} with the default {@code CONFIG_MAX_SKB_FRAGS}. */
    static final int MAX_SKB_FRAGS = 17;

    /** One integer entry: a {@code ctl_table} row with {@code proc_dointvec[_minmax]}. */
    public static final class IntSysctl {
        private final String name;
        private final int min;
        private final int max;
        private final Behaviour since;
        private final Rule rule;
        private int value;
        /** Successful writes so far: a handler that rebuilds on every write (a table) is told by this. */
        private int stores;
        /** {@code proc_dou8vec_minmax} / {@code proc_douintvec*}: no sign accepted. */
        private boolean unsigned;

        IntSysctl(String name, int value, int min, int max, Behaviour since, Rule rule) {
            this.name = name;
            this.value = value;
            this.min = min;
            this.max = max;
            this.since = since;
            this.rule = rule;
        }

        public String name() {
            return name;
        }

        public int get() {
            return value;
        }

        /** How many writes succeeded: a change of it means the handler ran again. */
        public int stores() {
            return stores;
        }
    }

    /** A custom handler's extra step after parsing (rounding, power-of-two checks). */
    @FunctionalInterface
    interface Rule {
        int apply(int parsed) throws VfsException;
    }

    private final Map<String, IntSysctl> rows = new LinkedHashMap<>();
    private final KernelProfile profile;
    public final IntSysctl busyPoll;
    public final IntSysctl busyRead;
    public final IntSysctl netdevBudget;
    public final IntSysctl netdevBudgetUsecs;
    public final IntSysctl devWeight;
    /** {@code dev_weight_rx_bias} (4.10, {@link Behaviour#DEV_WEIGHT_BIAS}); the row exists in every profile, shown only from then. */
    public final IntSysctl devWeightRxBias;
    /** {@code net.core.gro_normal_batch} (5.4): how many skbs GRO hands the stack at a time. */
    public final IntSysctl groNormalBatch;
    public final IntSysctl netdevMaxBacklog;
    /** {@code flow_limit_table_len}: the buckets of a flow-limit table allocated from now on. */
    public final IntSysctl flowLimitTableLen;
    /** {@code rmem_default}: the {@code sk_rcvbuf} a socket gets when it is created ({@code sock_init_data}). */
    public final IntSysctl rmemDefault;
    /**
     * {@code rps_sock_flow_entries}: the size of RFS's global {@code rps_sock_flow_table} (0: none).
     * Every write of a non-zero value sets all its entries to {@code RPS_NO_CPU} again.
     */
    public final IntSysctl rpsSockFlowEntries;

    public SysctlNetCore(KTree tree, KernelProfile profile) {
        this.profile = profile;
        boolean minimums = profile.has(Behaviour.SYSCTL_BUDGET_MINIMUMS);
        int twoJiffiesUs = 2 * 1_000_000 / HZ;
        busyPoll = row("busy_poll", 0, 0, INT_MAX, Behaviour.BUSY_POLL);
        busyRead = row("busy_read", 0, 0, INT_MAX, Behaviour.BUSY_POLL);
        devWeight = row("dev_weight", 64, minimums ? 1 : INT_MIN, INT_MAX, null);
        devWeightRxBias = row("dev_weight_rx_bias", 1, minimums ? 1 : INT_MIN, INT_MAX, Behaviour.DEV_WEIGHT_BIAS);
        row("dev_weight_tx_bias", 1, minimums ? 1 : INT_MIN, INT_MAX, Behaviour.DEV_WEIGHT_BIAS);
        groNormalBatch = row("gro_normal_batch", 8, 1, INT_MAX, Behaviour.GRO_NORMAL_BATCH);
        netdevBudget = row("netdev_budget", 300, INT_MIN, INT_MAX, null);
        int budgetUsecs = profile.has(Behaviour.NETDEV_BUDGET_USECS_TWO_JIFFIES) ? twoJiffiesUs : 2000;
        netdevBudgetUsecs = row("netdev_budget_usecs", budgetUsecs, minimums ? twoJiffiesUs : 0, INT_MAX,
            Behaviour.NETDEV_BUDGET_USECS);
        netdevMaxBacklog = row("netdev_max_backlog", 1000, INT_MIN, INT_MAX, null);
        row("netdev_tstamp_prequeue", 1, INT_MIN, INT_MAX, null);
        flowLimitTableLen = add(new IntSysctl("flow_limit_table_len", 4096, INT_MIN, INT_MAX, null, v -> {
            // flow_limit_table_len_sysctl: proc_dointvec, then is_power_of_2() on the value as an
            // unsigned int, so 0 and negatives fail except INT_MIN (0x80000000), which is kept
            if (Integer.bitCount(v) != 1) {
                throw new VfsException(Errno.EINVAL);
            }
            return v;
        }));
        rpsSockFlowEntries = add(new IntSysctl("rps_sock_flow_entries", 0, INT_MIN, INT_MAX, null, v -> {
            if (v < 0 || v > 1 << 29) {
                throw new VfsException(Errno.EINVAL);
            }
            return v == 0 ? 0 : roundUpPowerOfTwo(v); // read back as the real table size
        }));
        row("somaxconn", profile.has(Behaviour.SOMAXCONN_4096) ? 4096 : 128, 0, INT_MAX, null);
        addSocketMemoryRows(profile);
        rmemDefault = rows.get("rmem_default");

        KDir dir = tree.mkdirs("/proc/sys/net/core");
        for (IntSysctl s : rows()) {
            dir.attr(s.name, 0644, KAttr.Flavor.PROC_SYS, () -> s.value + "\n", (data, caller) -> store(s, data));
        }
    }

    /**
     * The socket-memory and housekeeping rows: {@code proc_dointvec_minmax} with the table's
     * extra1/extra2, {@code message_cost} with {@code proc_dointvec_jiffies} (seconds; a value above
     * INT_MAX/HZ fails the conversion: EINVAL), {@code high_order_alloc_disable} with
     * {@code proc_do_static_key} (0..1 through a minmax table; its CAP_SYS_ADMIN check is not
     * modelled, callers are root), {@code txrehash}/{@code tstamp_allow_data} with
     * {@code proc_dou8vec_minmax} (a {@code -} sign is EINVAL even for {@code -0}).
     */
    private void addSocketMemoryRows(KernelProfile profile) {
        int bigBuffers = profile.has(Behaviour.RMEM_WMEM_MAX_4M) ? RMEM_MAX_6_18 : SK_DEFAULT_MEM;
        row("rmem_default", SK_DEFAULT_MEM, SOCK_MIN_RCVBUF, INT_MAX, null);
        row("wmem_default", SK_DEFAULT_MEM, SOCK_MIN_SNDBUF, INT_MAX, null);
        row("rmem_max", bigBuffers, SOCK_MIN_RCVBUF, INT_MAX, null);
        row("wmem_max", bigBuffers, SOCK_MIN_SNDBUF, INT_MAX, null);
        row("optmem_max", profile.has(Behaviour.OPTMEM_MAX_128K) ? 131072 : 20480, 0, INT_MAX, null);
        row("mem_pcpu_rsv", SK_MEMORY_PCPU_RESERVE, SK_MEMORY_PCPU_RESERVE, INT_MAX, Behaviour.MEM_PCPU_RSV);
        row("skb_defer_max", profile.has(Behaviour.SKB_DEFER_MAX_128) ? 128 : 64, 0, INT_MAX, Behaviour.SKB_DEFER_MAX);
        row("max_skb_frags", MAX_SKB_FRAGS, 1, MAX_SKB_FRAGS, Behaviour.MAX_SKB_FRAGS_SYSCTL);
        row("message_cost", 5, -(INT_MAX / HZ), INT_MAX / HZ, null);
        row("message_burst", 10, INT_MIN, INT_MAX, null);
        row("warnings", 0, INT_MIN, INT_MAX, null);
        row("netdev_unregister_timeout_secs", 10, 1, 3600, Behaviour.NETDEV_UNREGISTER_TIMEOUT_SECS);
        row("high_order_alloc_disable", 0, 0, 1, Behaviour.HIGH_ORDER_ALLOC_DISABLE);
        row("fb_tunnels_only_for_init_net", 0, 0, 2, Behaviour.FB_TUNNELS_ONLY_FOR_INIT_NET);
        row("devconf_inherit_init_net", 0, 0, 3, Behaviour.DEVCONF_INHERIT_INIT_NET);
        add(new IntSysctl("txrehash", 1, 0, 1, Behaviour.TXREHASH, v -> v)).unsigned = true;
        add(new IntSysctl("tstamp_allow_data", 1, 0, 1, Behaviour.TSTAMP_ALLOW_DATA, v -> v)).unsigned = true;
    }

    private IntSysctl row(String name, int value, int min, int max, Behaviour since) {
        return add(new IntSysctl(name, value, min, max, since, v -> v));
    }

    private IntSysctl add(IntSysctl s) {
        rows.put(s.name, s);
        return s;
    }

    private static int store(IntSysctl s, byte[] data) throws VfsException {
        if (s.unsigned && firstNonSpace(data) == '-') {
            throw new VfsException(Errno.EINVAL); // __do_proc_douintvec: "if (neg) return -EINVAL"
        }
        ProcDointvec.Parsed p = ProcDointvec.parse(data, s.min, s.max);
        s.value = s.rule.apply(p.value());
        s.stores++;
        return p.consumed();
    }

    private static int firstNonSpace(byte[] data) {
        for (byte b : data) {
            if (b == 0) {
                return 0;
            }
            if (b != ' ' && (b < '\t' || b > '\r')) {
                return b;
            }
        }
        return 0;
    }

    static int roundUpPowerOfTwo(int v) {
        return v <= 1 ? 1 : Integer.highestOneBit(v - 1) << 1;
    }

    /** Rows present in this profile, in table order. */
    public List<IntSysctl> rows() {
        List<IntSysctl> present = new ArrayList<>();
        for (IntSysctl s : rows.values()) {
            if (s.since == null || profile.has(s.since)) {
                present.add(s);
            }
        }
        return present;
    }
}
