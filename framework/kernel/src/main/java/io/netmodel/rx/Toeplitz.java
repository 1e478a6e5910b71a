package io.netmodel.rx;

/**
 * The Toeplitz hash of Microsoft's RSS specification ("Verifying the RSS Hash Calculation") as a
 * NIC's RSS engine computes it over a packet's tuple (the kernel's receive path has no copy of it;
 * the kernel selftest {@code toeplitz.c} and DPDK's {@code rte_softrss} are software ones,
 * recalled): for every bit of
 * the input, most significant bit of the first byte first, the result XORs in the 32 bits of the
 * key that start at that bit's position. The key must have at least input length + 4 bytes.
 * Verified against the five IPv4 vectors of the 82599 datasheet's RSS verification suite
 * (DPDK {@code app/test/test_thash.c}) in {@code ToeplitzTest}.
 */
public final class Toeplitz {
    private Toeplitz() {
    }

    /**
     * The hash of {@code input} under {@code key}.
     *
     * @throws IllegalArgumentException if the key is shorter than {@code input.length + 4}
     */
    public static int hash(byte[] key, byte[] input) {
        if (key.length < input.length + 4) {
            throw new IllegalArgumentException("Toeplitz key of " + key.length + " bytes for " + input.length
                + " bytes of input: needs " + (input.length + 4));
        }
        int result = 0;
        // the 32-bit window of the key at the current bit, next key byte shifted in every 8 bits
        int window = ((key[0] & 0xff) << 24) | ((key[1] & 0xff) << 16) | ((key[2] & 0xff) << 8) | (key[3] & 0xff);
        for (int i = 0; i < input.length; i++) {
            int next = key[i + 4] & 0xff;
            for (int b = 7; b >= 0; b--) {
                if ((input[i] & (1 << b)) != 0) {
                    result ^= window;
                }
                window = (window << 1) | ((next >> b) & 1);
            }
        }
        return result;
    }
}
