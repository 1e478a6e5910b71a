package io.netmodel.rx;

import java.util.Arrays;

/** Latency samples of a run, in ns, in completion order; grows by doubling (one array per run). */
final class Samples {
    private long[] values = new long[1 << 14];
    private int size;

    void add(long ns) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = ns;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
