package io.netmodel.shell.cmd.bench;

import io.netmodel.shell.bench.Seed001;

/** What xsk_rr's runs (bench xsk-rr, calibrate) need of {@code --cpus}: seed 001's layout. */
final class Seed001Cpus {
    static final BenchChecks.PinnedCpus PINNED = new BenchChecks.PinnedCpus(Seed001.CPUS, Seed001.CPU_LAYOUT);

    private Seed001Cpus() {
    }
}
