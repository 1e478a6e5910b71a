package io.netmodel.kobj;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.Arrays;

/**
 * The kernel's strict integer parsers, {@code lib/kstrtox.c}: what sysfs stores use.
 * Input is the raw bytes of one write; like the kernel we treat it as a C string.
 */
public final class Kstrtox {
    private Kstrtox() {
    }

    /**
     * {@code kstrtoul(s, 0, &val)}: optional {@code +}, base from the prefix ({@code 0x} hex,
     * {@code 0} octal, else decimal), one optional trailing newline, nothing else.
     * Returns the value as an unsigned 64-bit number held in a {@code long}.
     *
     * @throws VfsException EINVAL for anything malformed, ERANGE on overflow
     */
    public static long kstrtoul(byte[] data) throws VfsException {
        return parse(data, 0);
    }

    /** {@code kstrtoull(s, base)}: as {@link #kstrtoul} in the given base (0: from the prefix). */
    public static long kstrtoull(byte[] data, int base) throws VfsException {
        return parse(data, base);
    }

    /** {@code kstrtouint(s, 10)}/{@code kstrtou32}: base 10, must fit 32 bits (else ERANGE). */
    public static long kstrtou32(byte[] data) throws VfsException {
        long v = parse(data, 10);
        if (Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
            throw new VfsException(Errno.ERANGE);
        }
        return v;
    }

    static long parse(byte[] data, int base) throws VfsException {
        int len = cstrlen(data);
        int i = 0;
        if (i < len && data[i] == '+') {
            i++;
        }
        if (base == 0) {
            if (i < len && data[i] == '0') {
                if (i + 2 < len && (data[i + 1] | 0x20) == 'x' && hexDigit(data[i + 2]) >= 0) {
                    base = 16;
                    i += 2;
                } else {
                    base = 8;
                }
            } else {
                base = 10;
            }
        } else if (base == 16 && i + 1 < len && data[i] == '0' && (data[i + 1] | 0x20) == 'x') {
            i += 2;
        }
        long value = 0;
        boolean overflow = false;
        int start = i;
        for (; i < len; i++) {
            int d = hexDigit(data[i]);
            if (d < 0 || d >= base) {
                break;
            }
            // value * base + d must stay within 64 unsigned bits
            long hi = Math.multiplyHigh(value, base) + ((value >> 63) & base);
            long mul = value * base;
            long sum = mul + d;
            if (hi != 0 || Long.compareUnsigned(sum, mul) < 0) {
                overflow = true;
            }
            value = sum;
        }
        if (i == start) {
            throw new VfsException(Errno.EINVAL);
        }
        if (overflow) {
            throw new VfsException(Errno.ERANGE);
        }
        if (i < len && data[i] == '\n') {
            i++;
        }
        if (i < len) {
            throw new VfsException(Errno.EINVAL);
        }
        return value;
    }

    static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    /**
     * {@code kstrtoint(s, 0)} = {@code kstrtoll} + int range: a leading {@code -} is followed
     * directly by the digits ({@code _kstrtoull}, so {@code -+1} is EINVAL); otherwise
     * {@code kstrtoull}, which skips one {@code +}.
     */
    public static int kstrtoint(byte[] data) throws VfsException {
        int len = cstrlen(data);
        long value;
        if (len > 0 && data[0] == '-') {
            if (len > 1 && data[1] == '+') {
                throw new VfsException(Errno.EINVAL);
            }
            long magnitude = kstrtoul(Arrays.copyOfRange(data, 1, len));
            if (Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0) {
                throw new VfsException(Errno.ERANGE); // (long long)-tmp > 0
            }
            value = -magnitude;
        } else {
            value = kstrtoul(Arrays.copyOf(data, len));
            if (value < 0) {
                throw new VfsException(Errno.ERANGE); // (long long)tmp < 0
            }
        }
        if (value != (int) value) {
            throw new VfsException(Errno.ERANGE);
        }
        return (int) value;
    }

    /** The length of {@code data} as a C string: up to the first NUL, else all of it. */
    public static int cstrlen(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return data.length;
    }

    /**
     * {@code sysfs_streq} (lib/string.c): equal up to the NUL that ends the write, where one
     * trailing newline on the written side is ignored.
     */
    public static boolean sysfsStreq(byte[] data, String word) {
        int len = cstrlen(data);
        if (len > 0 && data[len - 1] == '\n') {
            len--;
        }
        if (len != word.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (data[i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code kstrtobool}: y/Y/t/T/1, n/N/f/F/0, on/off (any case); only the first one or two
     * characters count, so {@code "yes"}, {@code "1\n"} and {@code "offline"} parse.
     *
     * @throws VfsException EINVAL for anything else, the empty string included
     */
    public static boolean kstrtobool(byte[] data) throws VfsException {
        int n = cstrlen(data);
        char c0 = n > 0 ? Character.toLowerCase((char) (data[0] & 0xff)) : 0;
        char c1 = n > 1 ? Character.toLowerCase((char) (data[1] & 0xff)) : 0;
        switch (c0) {
            case 'y': case 't': case '1':
                return true;
            case 'n': case 'f': case '0':
                return false;
            case 'o':
                if (c1 == 'n') {
                    return true;
                }
                if (c1 == 'f') {
                    return false;
                }
                throw new VfsException(Errno.EINVAL);
            default:
                throw new VfsException(Errno.EINVAL);
        }
    }
}
