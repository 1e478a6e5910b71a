package io.netmodel.shell.cmd.ethtool;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.api.vfs.Errno;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code ethtool -X DEV [equal N | weight W0 W1 ... | default] [hkey XX:XX:...]}: ethtool 6.1's
 * {@code do_srxfh}, {@code fill_indir_table}, {@code parse_hkey} and
 * {@code convert_string_to_hashkey} ({@code ethtool.c}; read from the source of an older release
 * with the same code, the 6.1 argument loop recalled). The table is computed here, over the size
 * {@code ETHTOOL_GRSSH} reports, and sent whole; {@code default} sends size 0 and the kernel fills
 * its default; without either the table is left as it is ({@code ETH_RXFH_INDIR_NO_CHANGE}). The
 * key must be exactly the device's {@code key_size} bytes, two hex digits each, colon-separated;
 * a device without a key refuses it before anything is sent. {@code hfunc}, {@code context} and
 * {@code delete} are not modelled (bad arguments here).
 */
final class EthtoolRxfhSet {
    private EthtoolRxfhSet() {
    }

    static int run(EthtoolService svc, String dev, List<String> args, PrintWriter err) throws EthtoolTool.Usage {
        if (args.isEmpty()) {
            throw EthtoolTool.badArgs();
        }
        int equal = 0;
        List<String> weights = null;
        boolean dflt = false;
        String hkey = null;
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("equal")) {
                i++;
                equal = (int) intRange(i < args.size() ? args.get(i) : null, 1, Integer.MAX_VALUE);
                i++;
            } else if (a.equals("weight")) {
                i++;
                int from = i;
                while (i < args.size() && !args.get(i).isEmpty() && Character.isDigit(args.get(i).charAt(0))) {
                    i++;
                }
                if (i == from) {
                    throw EthtoolTool.badArgs();
                }
                weights = args.subList(from, i);
            } else if (a.equals("hkey")) {
                i++;
                if (i >= args.size()) {
                    throw EthtoolTool.badArgs();
                }
                hkey = args.get(i);
                i++;
            } else if (a.equals("default")) {
                i++;
                dflt = true;
            } else {
                throw EthtoolTool.badArgs();
            }
        }
        if (equal != 0 && weights != null) {
            return fail(err, "Equal and weight options are mutually exclusive");
        }
        if (equal != 0 && dflt) {
            return fail(err, "Equal and default options are mutually exclusive");
        }
        if (weights != null && dflt) {
            return fail(err, "Weight and default options are mutually exclusive");
        }
        try {
            svc.getRxRings(dev);
        } catch (EthtoolException e) {
            return EthtoolTool.perror(err, "Cannot get RX ring count", e, 1);
        }
        int size;
        int keySize;
        try {
            io.netmodel.api.ethtool.Rxfh head = svc.getRxfh(dev);
            size = head.indirSize();
            keySize = head.key().length;
        } catch (EthtoolException e) {
            // do_srxfhindir (without a key): ETHTOOL_GRXFHINDIR needs the same driver ops
            return EthtoolTool.perror(err, e.errno() == Errno.EOPNOTSUPP && hkey == null
                ? "Cannot get RX flow hash indirection table size" : "Cannot get RX flow hash indir size and key size", e, 1);
        }
        byte[] key = null;
        if (hkey != null) {
            if (keySize == 0) {
                err.println("Cannot set RX flow hash configuration:");
                err.println(" Hash key setting not supported");
                return 1;
            }
            key = new byte[keySize];
            String msg = hashKey(key, hkey);
            if (msg != null) {
                err.println(msg);
                return 2;
            }
        }
        int[] table;
        if (equal != 0) {
            table = new int[size];
            for (int j = 0; j < size; j++) {
                table[j] = j % equal;
            }
        } else if (weights != null) {
            long[] w = new long[weights.size()];
            long sum = 0;
            for (int j = 0; j < w.length; j++) {
                w[j] = u32(weights.get(j));
                sum = (sum + w[j]) & 0xffff_ffffL; // u32
            }
            if (sum == 0) {
                return fail(err, "At least one weight must be non-zero");
            }
            if (sum > Integer.toUnsignedLong(size)) {
                return fail(err, "Total weight exceeds the size of the indirection table");
            }
            table = weighted(size, w, sum);
        } else if (dflt) {
            table = new int[0]; // indir_size 0: reset to the default
        } else {
            table = null; // ETH_RXFH_INDIR_NO_CHANGE: a key alone
        }
        try {
            svc.setRxfh(dev, table, key);
            return 0;
        } catch (EthtoolException e) {
            return EthtoolTool.perror(err, "Cannot set RX flow hash configuration", e, 1);
        }
    }

    /**
     * {@code fill_indir_table}'s weights, in its u32 arithmetic: queue j takes the entries i with
     * {@code size * partial_j-1 / sum <= i < size * partial_j / sum}; {@code sum} is non-zero
     * and at most {@code size}.
     */
    private static int[] weighted(int size, long[] w, long sum) {
        int[] table = new int[size];
        long partial = 0;
        int j = -1;
        for (int i = 0; i < size; i++) {
            while (i >= ((Integer.toUnsignedLong(size) * partial) & 0xffff_ffffL) / sum) {
                j++;
                partial = (partial + w[j]) & 0xffff_ffffL;
            }
            table[i] = j;
        }
        return table;
    }

    /**
     * {@code convert_string_to_hashkey}: fills {@code key} from {@code s}, two hex digits a byte
     * ({@code sscanf("%2x%n")} with {@code len == 2}), each followed by ':' or the end; returns
     * the message of the first fault, or null.
     */
    static String hashKey(byte[] key, String s) {
        int i = 0;
        int p = 0;
        do {
            if (i > key.length - 1) {
                return "Key is too long for device (" + (i + 1) + " > " + key.length + ")";
            }
            if (p + 2 > s.length() || Character.digit(s.charAt(p), 16) < 0 || Character.digit(s.charAt(p + 1), 16) < 0) {
                return "Invalid RSS hash key format";
            }
            key[i++] = (byte) Integer.parseInt(s.substring(p, p + 2), 16);
            p += 2;
            if (p < s.length() && s.charAt(p) == ':') {
                p++;
            } else if (p < s.length()) {
                return "Invalid RSS hash key format";
            }
        } while (p < s.length());
        if (i != key.length) {
            return "Key is too short for device (" + i + " < " + key.length + ")";
        }
        return null;
    }

    private static int fail(PrintWriter err, String msg) {
        err.println(msg);
        return 1;
    }

    /** {@code get_int_range(str, 0, min, max)}: strtoll base 0, whole string, in range; else bad args. */
    private static long intRange(String s, long min, long max) throws EthtoolTool.Usage {
        Long v = strtol(s);
        if (v == null || v < min || v > max) {
            throw EthtoolTool.badArgs();
        }
        return v;
    }

    /** {@code get_u32(str, 0)}. */
    private static long u32(String s) throws EthtoolTool.Usage {
        return intRange(s, 0, 0xffff_ffffL);
    }

    /** {@code strtoll(s, &end, 0)} with {@code *end == 0}: decimal, 0x hex or 0 octal; null when malformed. */
    private static Long strtol(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            String t = s;
            boolean neg = false;
            if (t.startsWith("-") || t.startsWith("+")) {
                neg = t.startsWith("-");
                t = t.substring(1);
            }
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = Long.parseLong(t.substring(1), 8);
            } else {
                v = Long.parseLong(t);
            }
            if (t.isEmpty() || !Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
                return null;
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
