package io.netmodel.kobj;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;

/**
 * The write side of {@code proc_dointvec} / {@code proc_dointvec_minmax} for a single-int
 * table entry ({@code kernel/sysctl.c} {@code __do_proc_dointvec}, {@code proc_get_long}).
 */
public final class ProcDointvec {
    /** {@code TMPBUFLEN - 1}: the most characters one number may take. */
    private static final int MAX_NUMBER_CHARS = 21;

    /** A parsed write: the value and how many bytes the kernel reports consumed. */
    public record Parsed(int value, int consumed) {
    }

    private ProcDointvec() {
    }

    /**
     * Parses the first integer of a write. Leading whitespace is skipped, a {@code -} sign is
     * allowed, base comes from the prefix; the number must be followed by a space, tab, newline
     * or the end of the buffer.
     * {@code min}/{@code max} are the table's extra1/extra2 (use Integer.MIN_VALUE/MAX_VALUE
     * for plain {@code proc_dointvec}). Every failure is EINVAL, as the kernel returns.
     */
    public static Parsed parse(byte[] data, int min, int max) throws VfsException {
        int len = Kstrtox.cstrlen(data);
        int p = skipSpaces(data, 0, len);
        if (p == len) {
            throw new VfsException(Errno.EINVAL);
        }
        int window = Math.min(len - p, MAX_NUMBER_CHARS);
        int end = p + window;
        boolean negative = false;
        int q = p;
        if (data[q] == '-') {
            negative = true;
            q++;
        }
        if (q >= end || data[q] < '0' || data[q] > '9') {
            throw new VfsException(Errno.EINVAL);
        }
        int base = 10;
        if (data[q] == '0') {
            if (q + 2 < end && (data[q + 1] | 0x20) == 'x' && Kstrtox.hexDigit(data[q + 2]) >= 0) {
                base = 16;
                q += 2;
            } else {
                base = 8;
            }
        }
        long value = 0;
        for (; q < end; q++) {
            int d = Kstrtox.hexDigit(data[q]);
            if (d < 0 || d >= base) {
                break;
            }
            value = value * base + d;
            if (value > 0xFFFF_FFFFL * 16) {
                throw new VfsException(Errno.EINVAL); // strtoul_lenient overflow
            }
        }
        if (q - p == MAX_NUMBER_CHARS) {
            throw new VfsException(Errno.EINVAL); // might have been cut: refuse, as the kernel does
        }
        if (q < len && !isSeparator(data[q])) {
            throw new VfsException(Errno.EINVAL); // e.g. "12abc", "12\r"
        }
        if (negative ? value > (long) Integer.MAX_VALUE + 1 : value > Integer.MAX_VALUE) {
            throw new VfsException(Errno.EINVAL);
        }
        long v = negative ? -value : value;
        if (v < min || v > max) {
            throw new VfsException(Errno.EINVAL);
        }
        int consumed = skipSpaces(data, q, len);
        return new Parsed((int) v, consumed);
    }

    private static int skipSpaces(byte[] data, int from, int len) {
        int i = from;
        while (i < len && isSpace(data[i])) {
            i++;
        }
        return i;
    }

    /**
     * {@code proc_wspace_sep}: the only bytes that may end a number ({@code ' '}, {@code '\t'},
     * {@code '\n'}); narrower than {@link #isSpace}, so {@code "12\r"} is EINVAL.
     */
    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t' || b == '\n';
    }

    /** {@code isspace()} in the kernel's ctype (what {@code proc_skip_spaces} skips): space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
