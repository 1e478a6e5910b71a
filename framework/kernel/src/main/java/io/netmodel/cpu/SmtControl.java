package io.netmodel.cpu;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import java.util.List;
import java.util.Locale;

/**
 * {@code /sys/devices/system/cpu/smt/{control,active}}: {@code cpu_smt_control} and its sysfs
 * group ({@code kernel/cpu.c}: {@code control_show}, {@code __store_smt_control},
 * {@code active_show}), for a host with {@code CONFIG_HOTPLUG_SMT}.
 *
 * <p>The modelled CPUs are the primary hardware threads. A host whose SMT is {@code on} has a
 * sibling thread per core that the model does not show; {@code off} takes those siblings offline
 * ({@code cpuhp_smt_disable}), so the modelled CPUs stay online and only {@code active} changes
 * to 0, as on a real host for its primary threads. {@code cpu_smt_max_threads} is 2.
 */
public final class SmtControl {
    /** {@code enum cpuhp_smt_control}, named as {@code smt_states[]} prints them. */
    public enum State {
        ON("on"), OFF("off"), FORCEOFF("forceoff"), NOTSUPPORTED("notsupported"), NOTIMPLEMENTED("notimplemented");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** The state named {@code text} ({@code on}, {@code notsupported}, ...). */
        public static State parse(String text) {
            for (State s : values()) {
                if (s.text.equals(text.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown SMT state '" + text + "' (on, off, forceoff, notsupported, notimplemented)");
        }
    }

    /** {@code cpu_smt_max_threads} of a host whose SMT is supported. */
    static final int MAX_THREADS = 2;

    private State state;
    /** {@code cpu_smt_num_threads}. */
    private int numThreads;

    public SmtControl(KTree tree, State initial) {
        this.state = initial;
        this.numThreads = initial == State.ON ? MAX_THREADS : 1;
        Attr.populate(tree.mkdirs("/sys/devices/system/cpu/smt"), this, List.of(
            Attr.ro("active", SmtControl::showActive),
            Attr.rw("control", SmtControl::showControl, SmtControl::store)), null, KAttr.Flavor.SYSFS);
    }

    public State state() {
        return state;
    }

    /** {@code sched_smt_active()}: siblings are online. */
    public boolean active() {
        return state == State.ON && numThreads > 1;
    }

    private static String showActive(SmtControl s) {
        return (s.active() ? 1 : 0) + "\n";
    }

    /** {@code control_show}: the state name, or the thread count when SMT is on with fewer threads than the maximum. */
    private static String showControl(SmtControl s) {
        if (s.state == State.ON && s.numThreads != MAX_THREADS) {
            return s.numThreads + "\n";
        }
        return s.state.text + "\n";
    }

    /**
     * {@code __store_smt_control}: EPERM once forced off, ENODEV when SMT is not supported or not
     * implemented (the {@code !CONFIG_HOTPLUG_SMT} and {@code cpu_smt_control} checks), then
     * {@code on}/{@code off}/{@code forceoff} by {@code sysfs_streq} or a thread count by
     * {@code kstrtoint(buf, 10)} (1 is off, 2 is on, anything else EINVAL).
     */
    private static int store(SmtControl s, byte[] data, Caller caller) throws VfsException {
        if (s.state == State.FORCEOFF) {
            throw new VfsException(Errno.EPERM);
        }
        if (s.state == State.NOTSUPPORTED || s.state == State.NOTIMPLEMENTED) {
            throw new VfsException(Errno.ENODEV);
        }
        State next;
        int threads;
        if (Kstrtox.sysfsStreq(data, "on")) {
            next = State.ON;
            threads = MAX_THREADS;
        } else if (Kstrtox.sysfsStreq(data, "off")) {
            next = State.OFF;
            threads = 1;
        } else if (Kstrtox.sysfsStreq(data, "forceoff")) {
            next = State.FORCEOFF;
            threads = 1;
        } else {
            long n = kstrtoint10(data);
            if (n == 1) {
                next = State.OFF;
            } else if (n == MAX_THREADS) {
                next = State.ON; // topology_smt_thread_allowed: x86 allows only 1 and the maximum
            } else {
                throw new VfsException(Errno.EINVAL);
            }
            threads = (int) n;
        }
        s.state = next;
        s.numThreads = threads;
        return data.length;
    }

    /** {@code kstrtoint(buf, 10, &n)}: any failure (not a number, out of range) is EINVAL here. */
    private static long kstrtoint10(byte[] data) throws VfsException {
        int len = Kstrtox.cstrlen(data);
        if (len > 0 && data[len - 1] == '\n') {
            len--;
        }
        int i = 0;
        boolean negative = false;
        if (i < len && (data[i] == '+' || data[i] == '-')) {
            negative = data[i] == '-';
            i++;
        }
        if (i == len) {
            throw new VfsException(Errno.EINVAL);
        }
        long v = 0;
        for (; i < len; i++) {
            if (data[i] < '0' || data[i] > '9') {
                throw new VfsException(Errno.EINVAL);
            }
            v = v * 10 + (data[i] - '0');
            if (v > Integer.MAX_VALUE + 1L) {
                throw new VfsException(Errno.EINVAL);
            }
        }
        return negative ? -v : v;
    }
}
