package io.netmodel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The kernel log ring: {@code printk} lines with their {@code [seconds.micros]} stamp since boot. */
public final class Dmesg {
    private static final int CAPACITY = 4096;
    private final List<String> lines = new ArrayList<>();
    private final LongSupplier monotonicNanos;
    private final long bootNanos;

    public Dmesg(LongSupplier monotonicNanos) {
        this.monotonicNanos = monotonicNanos;
        this.bootNanos = monotonicNanos.getAsLong();
    }

    public void printk(String line) {
        long t = monotonicNanos.getAsLong() - bootNanos;
        if (lines.size() == CAPACITY) {
            lines.remove(0);
        }
        lines.add(String.format("[%5d.%06d] %s", t / 1_000_000_000L, (t / 1000) % 1_000_000, line));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
