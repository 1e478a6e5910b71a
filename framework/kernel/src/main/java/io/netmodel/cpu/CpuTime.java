package io.netmodel.cpu;

/**
 * {@code enum cpu_usage_stat} ({@code include/linux/kernel_stat.h}): where a CPU's time went,
 * the buckets of {@code kcpustat_cpu(cpu).cpustat[]}. Kept in nanoseconds, as the kernel does
 * since 4.11; {@code /proc/stat} prints them in USER_HZ ticks. As in the kernel, guest time is
 * also counted as user time ({@code account_guest_time} adds to both): the caller adds it twice.
 */
public enum CpuTime {
    USER, NICE, SYSTEM, SOFTIRQ, IRQ, IDLE, IOWAIT, STEAL, GUEST, GUEST_NICE
}
