package io.netmodel.kobj;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.BitSet;

/**
 * Bitmaps as text, the way the kernel prints and parses CPU masks and queue masks
 * ({@code lib/bitmap-str.c}, {@code lib/vsprintf.c}; kernel-interfaces.md §2.7). A cpumask is a
 * bitmap of width {@code nr_cpu_ids}: {@code cpumask_parse_user} is {@link #parse} and
 * {@code cpumask_parselist_user} is {@link #parselist} with that width. Any width works; bits at or
 * above the width are never returned. Input is the raw bytes of one write, read as a C string.
 */
public final class Bitmap {
    private static final int CHUNK = 32;

    private Bitmap() {
    }

    /**
     * {@code %*pb} ({@code bitmap_string}): hex, most significant 32-bit chunk first, chunks
     * separated by {@code ,}; every chunk but the first zero-padded to 8 digits, the first to
     * ceil((nbits mod 32, or 32) / 4) digits. Width 2 all set: {@code 3}; 40: {@code ff,ffffffff}.
     */
    public static String print(BitSet bits, int nbits) {
        StringBuilder sb = new StringBuilder();
        int chunksz = nbits & (CHUNK - 1);
        if (chunksz == 0) {
            chunksz = CHUNK;
        }
        for (int i = align(nbits) - CHUNK; i >= 0; i -= CHUNK) {
            long val = 0;
            for (int b = 0; b < chunksz; b++) {
                if (bits.get(i + b)) {
                    val |= 1L << b;
                }
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            String hex = Long.toHexString(val);
            sb.append("0".repeat((chunksz + 3) / 4 - hex.length())).append(hex);
            chunksz = CHUNK;
        }
        return sb.toString();
    }

    /**
     * {@code %*pbl} ({@code bitmap_list_string}): comma-separated decimal ranges, {@code 0-1},
     * {@code 0,2-5}; an empty mask prints nothing.
     */
    public static String printList(BitSet bits, int nbits) {
        StringBuilder sb = new StringBuilder();
        int bot = bits.nextSetBit(0);
        while (bot >= 0 && bot < nbits) {
            int top = Math.min(bits.nextClearBit(bot), nbits);
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(bot);
            if (top != bot + 1) {
                sb.append('-').append(top - 1);
            }
            bot = bits.nextSetBit(top);
        }
        return sb.toString();
    }

    /**
     * {@code bitmap_parse(buf, len, maskp, nbits)}: hex chunks of at most 8 digits, separated by
     * commas or whitespace, counted from the right; the input ends at the first {@code \n} or NUL.
     * Empty groups and an empty string are fine (an empty mask). No {@code 0x} prefix.
     *
     * @throws VfsException EINVAL for a character that is not a hex digit; EOVERFLOW for a chunk
     *     of more than 8 digits, more chunks than the width needs, or a bit at or above the width
     */
    public static BitSet parse(byte[] buf, int nbits) throws VfsException {
        int len = 0;
        while (len < buf.length && buf[len] != 0 && buf[len] != '\n') {
            len++;
        }
        int total = (nbits + CHUNK - 1) / CHUNK;
        int chunks = total;
        int[] words = new int[total];
        int end = len - 1;
        for (int chunk = 0; ; chunk++) {
            while (end >= 0 && isRegionEnd(buf[end])) { // bitmap_find_region_reverse
                end--;
            }
            if (end < 0) {
                break;
            }
            if (chunks-- == 0) {
                throw new VfsException(Errno.EOVERFLOW);
            }
            end = getX32Reverse(buf, end, words, chunk);
        }
        int unsetBit = (total - chunks) * CHUNK;
        BitSet bits = new BitSet(nbits);
        for (int bit = 0; bit < unsetBit; bit++) {
            if ((words[bit / CHUNK] & (1 << (bit % CHUNK))) != 0) {
                if (bit >= nbits) {
                    throw new VfsException(Errno.EOVERFLOW);
                }
                bits.set(bit);
            }
        }
        return bits;
    }

    /**
     * {@code bitmap_get_x32_reverse}: reads one chunk backwards from {@code end}. A ninth hex digit
     * is EOVERFLOW; a ninth character that is no hex digit is skipped unseen, as in the kernel
     * (so {@code x12345678} parses as 0x12345678).
     */
    private static int getX32Reverse(byte[] buf, int end, int[] words, int chunk) throws VfsException {
        int ret = 0;
        for (int i = 0; i < CHUNK; i += 4) {
            int c = hexToBin(buf[end--]);
            if (c < 0) {
                throw new VfsException(Errno.EINVAL);
            }
            ret |= c << i;
            if (end < 0 || isRegionEnd(buf[end])) {
                words[chunk] = ret;
                return end;
            }
        }
        if (hexToBin(buf[end--]) >= 0) {
            throw new VfsException(Errno.EOVERFLOW);
        }
        words[chunk] = ret;
        return end;
    }

    /**
     * {@code bitmap_parselist(buf, maskp, nbits)} on the NUL-terminated copy of one write:
     * items {@code N}, {@code A-B} or {@code A-B:used/group}, separated by commas or whitespace;
     * {@code all} (any case) is every bit and the letter {@code N} the last bit. A region that
     * ends at a newline ends the list.
     *
     * @throws VfsException EINVAL for a malformed region (start > end, group 0, used > group,
     *     stray characters), ERANGE for a bit at or above the width, EOVERFLOW for a number that
     *     does not fit 32 bits
     */
    public static BitSet parselist(byte[] buf, int nbits) throws VfsException {
        ListParser p = new ListParser(buf, nbits);
        BitSet bits = new BitSet(nbits);
        while (true) {
            while (isRegionEnd(p.at(p.pos))) { // bitmap_find_region
                p.pos++;
            }
            if (isStringEnd(p.at(p.pos))) {
                return bits;
            }
            boolean more = p.parseRegion();
            p.checkRegion();
            for (long s = p.start; s <= p.end; s += p.groupLen) { // bitmap_set_region
                bits.set((int) s, (int) (s + Math.min(p.end - s + 1, p.off)));
            }
            if (!more) {
                return bits;
            }
        }
    }

    /** {@code struct region} and the cursor of {@code bitmap_parselist}; numbers are u32 held in longs. */
    private static final class ListParser {
        private final byte[] buf;
        private final int len;
        private final long nbits;
        int pos;
        long start;
        long end;
        long off;
        long groupLen;

        ListParser(byte[] buf, int nbits) {
            this.buf = buf;
            this.len = Kstrtox.cstrlen(buf);
            this.nbits = nbits;
        }

        byte at(int i) {
            return i < len ? buf[i] : 0;
        }

        /** {@code bitmap_parse_region}; false when the string ended with this region. */
        boolean parseRegion() throws VfsException {
            long lastbit = (nbits - 1) & 0xFFFF_FFFFL;
            if ((at(pos) | 0x20) == 'a' && (at(pos + 1) | 0x20) == 'l' && (at(pos + 2) | 0x20) == 'l') {
                start = 0;
                end = lastbit;
                pos += 3;
            } else {
                start = getnum(lastbit);
                if (isRegionEnd(at(pos)) || isStringEnd(at(pos))) {
                    end = start;
                    return noPattern();
                }
                expect('-');
                end = getnum(lastbit);
            }
            if (isRegionEnd(at(pos)) || isStringEnd(at(pos))) {
                return noPattern();
            }
            expect(':');
            off = getnum(lastbit);
            expect('/');
            groupLen = getnum(lastbit);
            return true; // the kernel does not look at what follows "used/group" until the next round
        }

        private boolean noPattern() {
            off = (end + 1) & 0xFFFF_FFFFL;
            groupLen = off;
            return !isStringEnd(at(pos));
        }

        private void expect(char c) throws VfsException {
            if (at(pos) != c) {
                throw new VfsException(Errno.EINVAL);
            }
            pos++;
        }

        /** {@code bitmap_getnum}: {@code N}, or decimal digits ({@code _parse_integer} base 10). */
        private long getnum(long lastbit) throws VfsException {
            if (at(pos) == 'N') {
                pos++;
                return lastbit;
            }
            long res = 0;
            boolean overflow = false;
            int digits = 0;
            for (byte c = at(pos); c >= '0' && c <= '9'; c = at(++pos)) {
                int val = c - '0';
                if ((res & (~0L << 60)) != 0 && Long.compareUnsigned(res, Long.divideUnsigned(-1L - val, 10)) > 0) {
                    overflow = true;
                }
                res = res * 10 + val;
                digits++;
            }
            if (digits == 0) {
                throw new VfsException(Errno.EINVAL);
            }
            if (overflow || Long.compareUnsigned(res, 0xFFFF_FFFFL) > 0) {
                throw new VfsException(Errno.EOVERFLOW);
            }
            return res;
        }

        /** {@code bitmap_check_region}. */
        void checkRegion() throws VfsException {
            if (start > end || groupLen == 0 || off > groupLen) {
                throw new VfsException(Errno.EINVAL);
            }
            if (end >= nbits) {
                throw new VfsException(Errno.ERANGE);
            }
        }
    }

    /** A mask of up to 64 bits as a BitSet (for state kept as a {@code long}, e.g. IRQ affinity). */
    public static BitSet ofLong(long mask) {
        return BitSet.valueOf(new long[] {mask});
    }

    /** The low 64 bits of {@code bits}. */
    public static long toLong(BitSet bits) {
        long[] words = bits.toLongArray();
        return words.length == 0 ? 0 : words[0];
    }

    private static int align(int nbits) {
        return (nbits + CHUNK - 1) / CHUNK * CHUNK;
    }

    /** {@code __end_of_region}: {@code isspace(c) || c == ','}. */
    private static boolean isRegionEnd(byte b) {
        return isSpace(b) || b == ',';
    }

    /** {@code end_of_str}. */
    private static boolean isStringEnd(byte b) {
        return b == 0 || b == '\n';
    }

    /** The kernel's {@code isspace()} ({@code lib/ctype.c}): \t \n \v \f \r, space, and Latin-1 NBSP 0xa0. */
    private static boolean isSpace(byte b) {
        int c = b & 0xff;
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
    }

    /** {@code hex_to_bin}: 0-9, a-f, A-F, else -1. */
    private static int hexToBin(byte b) {
        return Kstrtox.hexDigit(b);
    }
}
