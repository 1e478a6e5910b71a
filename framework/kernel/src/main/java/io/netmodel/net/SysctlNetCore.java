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

    /** One integer entry: a {@code ctl_table} row with {@code proc_dointvec[_minmax]}. */
    public static final class IntSysctl {
        private final String name;
        private final int min;
        private final int max;
        private final Behaviour since;
        private final Rule rule;
        private int value;

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
    public final IntSysctl netdevMaxBacklog;

    public SysctlNetCore(KTree tree, KernelProfile profile) {
        this.profile = profile;
        boolean minimums = profile.has(Behaviour.SYSCTL_BUDGET_MINIMUMS);
        int twoJiffiesUs = 2 * 1_000_000 / HZ;
        busyPoll = row("busy_poll", 0, 0, INT_MAX, Behaviour.BUSY_POLL);
        busyRead = row("busy_read", 0, 0, INT_MAX, Behaviour.BUSY_POLL);
        devWeight = row("dev_weight", 64, minimums ? 1 : INT_MIN, INT_MAX, null);
        row("dev_weight_rx_bias", 1, minimums ? 1 : INT_MIN, INT_MAX, null);
        row("dev_weight_tx_bias", 1, minimums ? 1 : INT_MIN, INT_MAX, null);
        row("gro_normal_batch", 8, 1, INT_MAX, Behaviour.GRO_NORMAL_BATCH);
        netdevBudget = row("netdev_budget", 300, INT_MIN, INT_MAX, null);
        netdevBudgetUsecs = row("netdev_budget_usecs", twoJiffiesUs, minimums ? twoJiffiesUs : 0, INT_MAX,
            Behaviour.NETDEV_BUDGET_USECS);
        netdevMaxBacklog = row("netdev_max_backlog", 1000, INT_MIN, INT_MAX, null);
        row("netdev_tstamp_prequeue", 1, INT_MIN, INT_MAX, null);
        add(new IntSysctl("flow_limit_table_len", 4096, INT_MIN, INT_MAX, null, v -> {
            // flow_limit_table_len_sysctl: proc_dointvec, then is_power_of_2() on the value as an
            // unsigned int, so 0 and negatives fail except INT_MIN (0x80000000), which is kept
            if (Integer.bitCount(v) != 1) {
                throw new VfsException(Errno.EINVAL);
            }
            return v;
        }));
        add(new IntSysctl("rps_sock_flow_entries", 0, INT_MIN, INT_MAX, null, v -> {
            if (v < 0 || v > 1 << 29) {
                throw new VfsException(Errno.EINVAL);
            }
            return v == 0 ? 0 : roundUpPowerOfTwo(v); // read back as the real table size
        }));
        row("somaxconn", 4096, 0, INT_MAX, null);

        KDir dir = tree.mkdirs("/proc/sys/net/core");
        for (IntSysctl s : rows()) {
            dir.attr(s.name, 0644, KAttr.Flavor.PROC_SYS, () -> s.value + "\n", (data, caller) -> store(s, data));
        }
    }

    private IntSysctl row(String name, int value, int min, int max, Behaviour since) {
        return add(new IntSysctl(name, value, min, max, since, v -> v));
    }

    private IntSysctl add(IntSysctl s) {
        rows.put(s.name, s);
        return s;
    }

    private static int store(IntSysctl s, byte[] data) throws VfsException {
        ProcDointvec.Parsed p = ProcDointvec.parse(data, s.min, s.max);
        s.value = s.rule.apply(p.value());
        return p.consumed();
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
