package io.netmodel.rx;

/**
 * {@code jhash2} of {@code include/linux/jhash.h} (Bob Jenkins' lookup3, as the kernel has it:
 * {@code JHASH_INITVAL}, {@code __jhash_mix}, {@code __jhash_final}).
 */
final class Jhash {
    /** {@code JHASH_INITVAL}. */
    static final int JHASH_INITVAL = 0xdeadbeef;

    private Jhash() {
    }

    /** {@code jhash2(k, k.length, initval)}. */
    static int jhash2(int[] k, int initval) {
        int length = k.length;
        int a = JHASH_INITVAL + (length << 2) + initval;
        int b = a;
        int c = a;
        int i = 0;
        while (length > 3) {
            a += k[i];
            b += k[i + 1];
            c += k[i + 2];
            // __jhash_mix
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            length -= 3;
            i += 3;
        }
        if (length == 0) {
            return c;
        }
        switch (length) {
            case 3:
                c += k[i + 2];
                // fall through
            case 2:
                b += k[i + 1];
                // fall through
            default:
                a += k[i];
        }
        // __jhash_final
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
