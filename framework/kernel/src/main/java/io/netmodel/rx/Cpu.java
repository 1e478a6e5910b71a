package io.netmodel.rx;

import io.netmodel.cpu.CpuStat;
import io.netmodel.cpu.CpuTime;
import io.netmodel.cpu.Softirq;
import io.netmodel.sim.Simulator;

/**
 * One CPU of a simulated host, as far as the receive path needs it: hard IRQ and softirq work
 * run one at a time and before any task work on that CPU (a task that wants the CPU while it is
 * in interrupt context waits until {@link #irqBusyUntil()}); time is accounted into the
 * {@code /proc/stat} buckets of the host's {@link CpuStat}.
 *
 * <p>Preemption of a task by interrupts shows as the task's next action waiting for the
 * interrupt work to finish. Which task runs when a spinning kthread shares the CPU with an
 * application thread is the {@link RunQueue}'s business ({@link #rq}); when ksoftirqd runs
 * against the live socket's reader, {@link #ksoftirqdTurn} (fair slices) or, when either is RT,
 * {@link KsoftirqdSched}; a threaded NAPI's kthread against that reader, {@link #kthreadTurn} by
 * the same rules; without sharing every task runs when it is ready.
 */
final class Cpu {
    final int id;
    private final CpuStat stat;
    private final Simulator sim;
    private long irqBusyUntil;
    /** Hard IRQ and softirq time run here so far, ns (what a spinning task did not get). */
    private long interruptNs;
    /** Who of the tasks on this CPU runs when (a spinning kthread against the application thread). */
    final RunQueue rq = new RunQueue();
    /** The fair class's slice on this host ({@link #ksoftirqdTurn}). */
    private final long sliceNs;
    private boolean taskRunnable;
    /** When a task last became runnable here ({@link #setTaskRunnable}), for {@code need_resched()}. */
    private long wokenAt = Long.MIN_VALUE;
    /** ksoftirqd's turns against the reader. */
    private final Turns ksoftirqdTurns = new Turns();
    /** CFS before EEVDF (6.6): a task woken while ksoftirqd runs preempts it at its next pass. */
    private final boolean wakeupPreempts;
    /** ksoftirqd against the live reader by scheduling class, while a reader runs here; else null. */
    private KsoftirqdSched readerSched;
    /** Softirq work run in the context of the task here, not ksoftirqd's. */
    final SoftirqInTask inTask;
    /** Polls run here by threaded NAPIs' kthreads so far, ns (CPU time the reader did not get). */
    private long kthreadNs;
    /** A threaded NAPI's kthread against the live reader here, when either is RT; else null. */
    private KsoftirqdSched kthreadSched;
    /** The turns of the threaded NAPI's kthread polling here against the reader. */
    private final Turns kthreadTurns = new Turns();

    private final io.netmodel.cpu.CpuHotplug hotplug;

    Cpu(int id, CpuStat stat, Simulator sim, int nrCpus, boolean wakeupPreempts, io.netmodel.cpu.CpuHotplug hotplug) {
        this.id = id;
        this.hotplug = hotplug;
        this.wakeupPreempts = wakeupPreempts;
        this.stat = stat;
        this.sim = sim;
        this.sliceNs = RunQueue.baseSliceNs(nrCpus);
        this.inTask = new SoftirqInTask(sim, this);
    }

    /** {@code cpu_online(id)}: a CPU taken down ({@code cpuN/online}) runs nothing new. */
    boolean online() {
        return hotplug.online(id);
    }

    /** The online CPU that takes over an offline one's softnet work ({@code dev_cpu_dead}). */
    int takeoverCpu() {
        return hotplug.firstOnline();
    }

    /** When interrupt-context work queued on this CPU will be done. */
    long irqBusyUntil() {
        return irqBusyUntil;
    }

    /** Hard IRQ and softirq work booked on this CPU so far, ns. */
    long interruptNs() {
        return interruptNs;
    }

    /** What the live reader here could not run for so far, ns: interrupt work and kthreads' polls. */
    long notReaderNs() {
        return interruptNs + kthreadNs;
    }

    /** The earliest a task on this CPU can act at or after {@code t}. */
    long taskReady(long t) {
        return Math.max(t, irqBusyUntil);
    }

    /**
     * Runs {@code hardirqNs} of hard-IRQ work then {@code softirqNs} of NET_RX softirq work,
     * starting now or when earlier interrupt work ends; returns when it is done.
     */
    long interrupt(long hardirqNs, long softirqNs) {
        long start = Math.max(sim.now(), irqBusyUntil);
        irqBusyUntil = start + hardirqNs + softirqNs;
        interruptNs += hardirqNs + softirqNs;
        stat.account(CpuTime.IRQ, hardirqNs);
        stat.account(CpuTime.SOFTIRQ, softirqNs);
        if (softirqNs > 0) {
            stat.softirq(Softirq.NET_RX);
        }
        return irqBusyUntil;
    }

    /**
     * Runs {@code softirqNs} more of NET_RX softirq work from {@code at} or when earlier interrupt
     * work ends, and returns when it is done: a poll that follows another one, in the same
     * {@code net_rx_action} run or a new one ({@code newRun}: a {@code __do_softirq} restart or
     * ksoftirqd, counted as another NET_RX run in {@code /proc/softirqs}).
     */
    long softirqFrom(long at, long softirqNs, boolean newRun) {
        long start = Math.max(at, irqBusyUntil);
        irqBusyUntil = start + softirqNs;
        interruptNs += softirqNs;
        stat.account(CpuTime.SOFTIRQ, softirqNs);
        if (newRun) {
            stat.softirq(Softirq.NET_RX);
        }
        return irqBusyUntil;
    }

    /**
     * ksoftirqd/N is a SCHED_OTHER task: once softirq work has been handed to it, it shares this
     * CPU with another runnable task as the fair class shares two CPU-bound tasks, a base slice
     * each in turn ({@code sysctl_sched_base_slice}, 0.75 ms × (1 + ilog2(min(CPUs, 8))); EEVDF,
     * as {@link RunQueue} takes it). The other task here is one the model marks runnable
     * ({@link #setTaskRunnable}: the live socket's reader with packets to read); hard IRQs still
     * preempt it.
     */
    void ksoftirqdWoken(long at) {
        ksoftirqdTurns.from = at;
        if (readerSched != null) {
            readerSched.woken();
        }
    }

    /**
     * When ksoftirqd, ready to poll at {@code at}, runs: at once, unless its turn has lasted a
     * slice and another task is runnable, which then runs for a slice first. A task that wakes
     * while ksoftirqd runs waits for the end of ksoftirqd's slice from 6.6 (EEVDF's
     * {@code RUN_TO_PARITY}; {@link RunQueue}, whose woken application preempts a spinning kthread
     * at once, does not model it); before, CFS's wake-up preemption lets it run at ksoftirqd's
     * next {@code __do_softirq} pass ({@code wakeupPreempts}). When the reader or ksoftirqd is an RT task, {@link KsoftirqdSched} decides
     * instead, at the start of each {@code __do_softirq} pass ({@code passStart}), and the answer
     * may be {@link RunQueue#NEVER}: not before the reader sleeps ({@link #waitForReader}).
     */
    long ksoftirqdTurn(long at, boolean passStart) {
        return ksoftirqdTurns.turn(readerSched, at, passStart);
    }

    /**
     * When a threaded NAPI's {@code kthread}, ready at {@code at} for its next poll, runs here
     * against the live reader, by the rules ksoftirqd follows ({@link #ksoftirqdTurn}): the
     * kthread is a task like ksoftirqd, and {@code napi_threaded_poll_loop} calls
     * {@code cond_resched()} after every poll as {@code run_ksoftirqd} does after every pass.
     * {@code woken}: the first poll after {@code napi_schedule} woke it. {@link RunQueue#NEVER}:
     * not before the reader sleeps ({@link #waitForReaderKthread}). Without a runnable reader
     * here, {@code at}.
     */
    long kthreadTurn(io.netmodel.sched.Task kthread, long at, boolean woken) {
        if (readerSched == null) {
            return at;
        }
        if (kthreadSched == null || kthreadSched.other() != kthread) {
            kthreadSched = readerSched.against(kthread);
        }
        if (woken) {
            kthreadTurns.from = at;
            kthreadSched.woken();
        }
        return kthreadTurns.turn(kthreadSched, at, true);
    }

    /**
     * A task that shares this CPU with the live reader (ksoftirqd, or a threaded NAPI's kthread),
     * yielding only between passes or polls: its turns.
     */
    private final class Turns {
        /** Since when it has had the CPU, for the fair class's slices. */
        long from;
        /** Its deferred work, to run at once when the reader it waits behind sleeps; else null. */
        private Runnable waiter;

        /**
         * {@code resume} runs as soon as the reader sleeps, unless {@code sched} (RT) defers the
         * task to the fair class's part ({@link RtBandwidth}) rather than behind the reader; null cancels.
         */
        void waitFor(KsoftirqdSched sched, Runnable resume) {
            waiter = resume != null && readerSched != null
                && (sched == null || !sched.decides() || sched.waitsForReader()) ? resume : null;
        }

        /** The reader blocked: a task waiting behind it is next ({@code schedule()}), its fair turn from now. */
        void readerSleeps(KsoftirqdSched sched) {
            Runnable w = waiter;
            if (w == null) {
                return;
            }
            waiter = null;
            from = sim.now();
            if (sched != null) {
                sched.running();
            }
            w.run();
        }

        /** When it runs, ready at {@code at} ({@code passStart}: at the start of a pass, where it may yield). */
        long turn(KsoftirqdSched sched, long at, boolean passStart) {
            if (sched != null && sched.decides()) {
                if (!taskRunnable) {
                    sched.running();
                    return at;
                }
                return sched.turn(at, passStart);
            }
            if (taskRunnable && at - from >= sliceNs) {
                from = at + sliceNs;
                return from;
            }
            if (taskRunnable && wakeupPreempts && passStart && wokenAt > from) {
                // check_preempt_wakeup: the woken task's sleeper credit puts it far enough behind
                // the task's vruntime; the resched takes effect at its cond_resched
                from = at + sliceNs;
                return from;
            }
            return at;
        }
    }

    /** A threaded NAPI's kthread polls here for {@code ns} from now on: the reader waits for it. */
    void kthreadPolls(long ns) {
        kthreadNs += ns;
        if (readerSched != null) {
            inTask.kthreadRuns();
        }
    }

    /** The kthread polling here stops (it sleeps, or waits for its turn): the reader goes on. */
    void kthreadStops() {
        if (readerSched != null) {
            inTask.kthreadStops();
        }
    }

    /**
     * The kthread, deferred by {@link #kthreadTurn}, polls by {@code resume} as soon as the reader
     * it waits behind sleeps (as {@link #waitForReader} for ksoftirqd); null cancels.
     */
    void waitForReaderKthread(Runnable resume) {
        kthreadTurns.waitFor(kthreadSched, resume);
    }

    /** Whether {@link KsoftirqdSched} decides ksoftirqd's turns now (the reader or ksoftirqd is RT). */
    boolean rtDecides() {
        return readerSched != null && readerSched.decides();
    }

    /** Whether {@link KsoftirqdSched} decides the NAPI kthread's turns here (the reader or the kthread is RT). */
    boolean kthreadRtDecides() {
        return kthreadSched != null && kthreadSched.decides();
    }

    /**
     * ksoftirqd, deferred by {@link #ksoftirqdTurn}, gets the CPU by {@code resume} as soon as the
     * reader it waits behind sleeps: at once when the fair class shares the CPU, not when an RT
     * ksoftirqd waits for RT throttling's window.
     */
    void waitForReader(Runnable resume) {
        ksoftirqdTurns.waitFor(readerSched, resume);
    }

    /**
     * The live socket's reader runs on this CPU ({@code sched} decides against ksoftirqd when
     * either is RT), or no longer does ({@code null}: it moved or stopped, and no longer runnable here).
     */
    void setReader(KsoftirqdSched sched) {
        if (sched == null && readerSched != null) {
            inTask.clear();
            setTaskRunnable(false); // a waiting ksoftirqd or kthread runs
        }
        readerSched = sched;
        kthreadSched = null;
    }

    /** Whether a task other than ksoftirqd wants this CPU ({@link #setTaskRunnable}). */
    boolean taskRunnable() {
        return taskRunnable;
    }

    /** A task other than ksoftirqd wants this CPU ({@code true}) or sleeps. */
    void setTaskRunnable(boolean runnable) {
        if (runnable && !taskRunnable) {
            wokenAt = sim.now();
        }
        taskRunnable = runnable;
        if (!runnable) {
            kthreadTurns.readerSleeps(kthreadSched);
            ksoftirqdTurns.readerSleeps(readerSched);
        }
    }

    /**
     * {@code need_resched()} for softirq work that started at {@code since}: a task was woken on
     * this CPU meanwhile (the wake-up preempts the idle task, or whatever the interrupt
     * interrupted, once the softirq returns). The task that was already running when the
     * interrupt came does not set it.
     */
    boolean needResched(long since) {
        return taskRunnable && wokenAt >= since;
    }

    /** Accounts task time ({@code user} or {@code system}). */
    void account(CpuTime bucket, long ns) {
        stat.account(bucket, ns);
    }
}
