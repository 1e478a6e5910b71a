package io.netmodel.shell.cmd.sched;

import java.util.BitSet;

/**
 * util-linux {@code lib/cpuset.c}: {@code cpulist_parse} / {@code cpumask_parse} and
 * {@code cpulist_create} / {@code cpumask_create} as {@code taskset} uses them.
 */
final class CpuSets {
    /** The CPU set size taskset allocates ({@code cpuset_nbits} of the kernel's mask): enough for any list. */
    static final int SETSIZE = 8192;

    private CpuSets() {
    }

    /**
     * {@code cpulist_parse(str, set, setsize, 0)}: {@code N}, {@code N-M}, {@code N-M:S}, comma
     * separated; null when it does not parse (a range going down, a bad number, a stray
     * character). CPUs at or above the set size are dropped, as with {@code fail} 0.
     */
    static BitSet parseList(String str) {
        BitSet set = new BitSet();
        if (str.isEmpty()) {
            return set;
        }
        for (String item : str.split(",", -1)) {
            if (!item.matches("[0-9]+(-[0-9]+(:[0-9]+)?)?")) {
                return null;
            }
            String[] ab = item.split("[-:]");
            long a = Long.parseLong(ab[0]);
            long b = ab.length > 1 ? Long.parseLong(ab[1]) : a;
            long s = ab.length > 2 ? Long.parseLong(ab[2]) : 1;
            if (a > b || s == 0) {
                return null;
            }
            for (long c = a; c <= b && c < SETSIZE; c += s) {
                set.set((int) c);
            }
        }
        return set;
    }

    /** {@code cpumask_parse}: hex digits (an optional {@code 0x}), commas ignored; null on another character. */
    static BitSet parseMask(String str) {
        String s = str.length() > 1 && str.startsWith("0x") ? str.substring(2) : str;
        BitSet set = new BitSet();
        int bit = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ',') {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                return null;
            }
            for (int k = 0; k < 4; k++, bit++) {
                if ((v & (1 << k)) != 0 && bit < SETSIZE) {
                    set.set(bit);
                }
            }
        }
        return set;
    }

    /** {@code cpulist_create}: single CPUs, pairs as {@code a,b}, three or more in a row as {@code a-b}. */
    static String list(BitSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            int run = 0;
            while (set.get(i + run + 1)) {
                run++;
            }
            if (run == 0) {
                sb.append(i).append(',');
            } else if (run == 1) {
                sb.append(i).append(',').append(i + 1).append(',');
                i++;
            } else {
                sb.append(i).append('-').append(i + run).append(',');
                i += run;
            }
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 1);
    }

    /** {@code cpumask_create} with taskset's leading zeros stripped: hex, highest nibble first. */
    static String mask(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int nibbles = Math.max(1, (set.length() + 3) / 4);
        for (int n = nibbles - 1; n >= 0; n--) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                if (set.get(n * 4 + k)) {
                    v |= 1 << k;
                }
            }
            sb.append(Character.forDigit(v, 16));
        }
        return sb.toString();
    }
}
