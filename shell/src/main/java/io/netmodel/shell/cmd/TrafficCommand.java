package io.netmodel.shell.cmd;

import io.netmodel.api.traffic.SocketStatus;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficService;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.Fmt;
import io.netmodel.shell.bench.JsonWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netmodel traffic start|stop|status}: frames into the running model's eth0 in real
 * time, so the receive path runs on the live kernel and the mount's counters move.
 */
@Command(name = "traffic", mixinStandardHelpOptions = true,
    description = {"Send frames into the running model's eth0 in real time, for a UDP socket a thread reads with "
        + "recvfrom: IRQs, NAPI polls, deferral, threaded NAPI and the socket's busy polling run on the live kernel, "
        + "so /proc/interrupts, /proc/net/dev, softnet_stat and /proc/stat move, netmodel trace shows napi_poll, "
        + "net_rx_action, napi_busy_loop..., and knobs echoed meanwhile act at once. While it runs, the driver "
        + "modules are in use (rmmod refuses). rmmod -f, ip link set eth0 down or a queue rebuild drops the frames "
        + "in flight; the socket stays, holding the NAPI id it had: a connected one (--connect) takes each packet's, an unconnected one keeps its first (from 4.12; before, none, so it cannot busy-poll). The socket's receive "
        + "buffer is net.core.rmem_default when it starts; a reader that falls behind drops at it (Udp RcvbufErrors "
        + "in /proc/net/snmp)."},
    footer = {"", "Examples:",
        "  netmodel traffic start --rate 50000",
        "  netmodel traffic start --rate 20000 --busy-poll 100   # SO_BUSY_POLL",
        "  netmodel traffic start --rate 400000 --flows 8        # RSS over the queues",
        "  netmodel traffic start --rate 20000 --connect         # RFS can steer it",
        "  netmodel trace napi_busy_loop --count 3",
        "  cd $(netmodel status --mount-point)",
        "  watch -n1 grep eth0 proc/net/dev",
        "  echo 100 > sys/class/net/eth0/napi_defer_hard_irqs",
        "  netmodel traffic status --json",
        "  echo 4096 > proc/sys/net/core/rmem_default   # the next start's buffer",
        "  grep Udp: proc/net/snmp",
        "  netmodel traffic stop"})
public final class TrafficCommand extends ModelCommand {
    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status.",
        completionCandidates = Candidates.TrafficActions.class)
    String action;

    @Option(names = "--rate", paramLabel = "PPS", defaultValue = "10000",
        description = "start: mean frames per second, 1 .. 10000000 (default 10000).")
    double rate;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64",
        description = "start: frame length, 60 .. 9018 (default 64).")
    int size;

    @Option(names = "--fixed", description = "start: a fixed period instead of Poisson gaps.")
    boolean fixed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "start: random seed (default 1).")
    long seed;

    @Option(names = "--busy-poll", paramLabel = "US",
        description = "start: the socket's SO_BUSY_POLL in us, 0 .. 2147483647 (default: net.core.busy_read when it starts).")
    Integer busyPoll;

    @Option(names = "--cpu", paramLabel = "N",
        description = "start: the CPU the reading thread is pinned to (default: the last one).")
    Integer cpu;

    @Option(names = "--flows", paramLabel = "N", defaultValue = "1",
        description = "start: flows the frames come from in turn, 1 .. 65536 (default 1): UDP from 10.0.0.2 port "
            + "32768+f (mod 65536) to 10.0.0.1 port 9000, flow f = 0 .. N-1. Each frame's RX hash is the NIC's Toeplitz "
            + "hash of the fields it hashes for UDP with its RSS key (ethtool -x; ixgbe and igb: the addresses only, "
            + "so all flows share one queue; mlx4_en: the 4-tuple), or without a key (virtio_net, e1000) the stack's "
            + "software flow hash; RSS puts the flow on the queue its hash's low bits index in the table, RPS and the "
            + "flow limit read the same hash. Few flows spread unevenly, as on a real NIC.")
    int flows;

    @Option(names = "--nonblock", description = "start: the reading thread loops on recvfrom(MSG_DONTWAIT) and never "
        + "sleeps (with --busy-poll each call polls the NAPI once); default: a blocking recvfrom.")
    boolean nonblock;

    @Option(names = "--connect", description = "start: the socket is connect()ed to the sender (one flow): each "
        + "recvfrom records the flow for receive flow steering, so with net.core.rps_sock_flow_entries and the queue's "
        + "rps_flow_cnt set its frames go up the stack on the reader's CPU, and each packet sets its sk_napi_id and "
        + "sk_incoming_cpu; default: unconnected, which RFS leaves alone and which keeps its first packet's NAPI id.")
    boolean connect;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        TrafficService svc = daemon.host().traffic().orElseThrow(() ->
            new ToolError("netmodel traffic: the kernel model offers no traffic service", 1));
        TrafficStatus s;
        try {
            switch (action) {
                case "start" -> {
                    // -1 is the request's "not given" for both: a typed -1 is as out of range as -5
                    if (busyPoll != null && busyPoll < 0) {
                        throw new IllegalArgumentException("--busy-poll must be 0 .. 2147483647 us, not " + busyPoll);
                    }
                    if (cpu != null && cpu < 0) {
                        throw new IllegalArgumentException("--cpu must be a CPU number, 0 or more, not " + cpu);
                    }
                    s = svc.start(new TrafficRequest(rate, size, !fixed, seed,
                        busyPoll == null ? TrafficRequest.SYSCTL_BUSY_READ : busyPoll,
                        cpu == null ? TrafficRequest.DEFAULT_CPU : cpu, flows, nonblock, connect));
                }
                case "stop" -> s = svc.stop();
                case "status" -> s = svc.status();
                default -> throw new ToolError("netmodel traffic: unknown action '" + action
                    + "': use start, stop or status (netmodel traffic --help)", 2);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ToolError("netmodel traffic: " + e.getMessage(), e instanceof IllegalArgumentException ? 2 : 1);
        }
        out.print(json ? json(s) : text(s));
        return 0;
    }

    static String text(TrafficStatus s) {
        if (s.request() == null) {
            return "traffic: not started\n";
        }
        TrafficRequest q = s.request();
        return "traffic: " + (s.running() ? "running" : "stopped" + (s.stopReason() != null ? " (" + s.stopReason() + ")" : ""))
            + "\n  eth0 <- " + Fmt.plain(q.ratePps(), 3) + " frames/s, " + q.frameBytes() + " bytes, "
            + (q.poisson() ? "Poisson" : "fixed period") + ", seed " + q.seed() + (q.flows() > 1 ? ", " + q.flows() + " flows" : "")
            + (q.connected() ? ", to a connected socket" : "")
            + "\n  " + Fmt.plain(s.simulatedNs() / 1e9, 3) + " s: " + s.arrived() + " arrived, " + s.delivered()
            + " delivered, " + s.dropped() + " dropped" + (s.lost() > 0 ? ", " + s.lost() + " sent while eth0 was gone or down" : "")
            + "\n" + rxQueues(s) + socket(s.socket(), q);
    }

    /** {@code  rx queues: 4, frames 2501 2499 2500 2500} (RSS's spread), when eth0 has more than one in use. */
    private static String rxQueues(TrafficStatus s) {
        if (s.rxQueueFrames().size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder("  rx queues: ").append(s.rxQueueFrames().size()).append(", frames");
        for (long n : s.rxQueueFrames()) {
            sb.append(' ').append(n);
        }
        return sb.append('\n').toString();
    }

    /** {@code  socket: cpu 1, sk_ll_usec 50, sk_napi_id 8193; 1000 read, 990 busy loops, 10 wake-ups}. */
    private static String socket(SocketStatus k, TrafficRequest q) {
        if (k == null) {
            return "";
        }
        return "  socket: cpu " + k.cpu() + ", sk_ll_usec " + k.skLlUsec() + ", sk_napi_id " + k.skNapiId()
            + (k.skNapiId() != 0 && !k.napiLive() ? (q.connected()
                ? " (no such NAPI now: no busy polling until a packet marks a new one)"
                : " (no such NAPI now: an unconnected socket keeps its first packet's id, so no busy polling)") : "")
            + (q.connected() ? ", sk_incoming_cpu " + k.skIncomingCpu() : "")
            + "; " + k.received() + " read, " + k.busyLoops() + " busy loops, " + k.wakeups() + " wake-ups"
            + (k.napiByIdMisses() > 0 ? ", " + k.napiByIdMisses() + " napi_by_id misses" : "") + "\n"
            + rcvbuf(k) + reader(k, q);
    }

    /**
     * {@code  reader: pid 312, SCHED_FIFO 50} (and {@code , recvfrom(MSG_DONTWAIT) in a loop} with {@code --nonblock}): the reading thread's task, as {@code chrt -p} would
     * name its policy (absent when the service does not know the pid).
     */
    private static String reader(SocketStatus k, TrafficRequest q) {
        if (k.pid() == 0) {
            return "";
        }
        return "  reader: pid " + k.pid() + ", " + k.policy().schedName()
            + (k.policy().isRealtime() ? " " + k.rtPriority() : "")
            + (q.nonblock() ? ", recvfrom(MSG_DONTWAIT) in a loop" : "") + "\n";
    }

    /**
     * {@code  rcvbuf: sk_rcvbuf 212992, sk_rmem_alloc 4608, 2 queued, 1200 dropped (buffer full)}: the
     * socket's receive buffer and the packets it refused ({@code sk_drops}, Udp RcvbufErrors).
     */
    private static String rcvbuf(SocketStatus k) {
        return "  rcvbuf: sk_rcvbuf " + k.skRcvbuf() + ", sk_rmem_alloc " + k.rmemAlloc() + ", " + k.queued()
            + " queued, " + k.drops() + " dropped (buffer full)\n";
    }

    static String json(TrafficStatus s) {
        JsonWriter w = new JsonWriter().beginObject().name("running").value(s.running());
        if (s.request() != null) {
            w.name("rate_pps").value(new java.math.BigDecimal(Fmt.plain(s.request().ratePps(), 3))).name("frame_bytes").value(s.request().frameBytes())
                .name("poisson").value(s.request().poisson()).name("seed").value(s.request().seed())
                .name("flows").value(s.request().flows()).name("nonblock").value(s.request().nonblock())
                .name("connected").value(s.request().connected());
        }
        w.name("arrived").value(s.arrived()).name("delivered").value(s.delivered()).name("dropped").value(s.dropped())
            .name("lost").value(s.lost()).name("simulated_ns").value(s.simulatedNs());
        w.name("rx_queue_frames").beginArray();
        for (long n : s.rxQueueFrames()) {
            w.value(n);
        }
        w.endArray();
        SocketStatus k = s.socket();
        if (k != null) {
            w.name("socket").beginObject().name("cpu").value(k.cpu()).name("sk_ll_usec").value(k.skLlUsec())
                .name("sk_napi_id").value(k.skNapiId()).name("napi_live").value(k.napiLive())
                .name("sk_incoming_cpu").value(k.skIncomingCpu())
                .name("received").value(k.received()).name("busy_loops").value(k.busyLoops())
                .name("napi_by_id_misses").value(k.napiByIdMisses()).name("wakeups").value(k.wakeups())
                .name("sk_rcvbuf").value(k.skRcvbuf()).name("sk_rmem_alloc").value(k.rmemAlloc())
                .name("queued").value(k.queued()).name("drops").value(k.drops())
                .name("pid").value(k.pid()).name("policy").value(k.policy().schedName())
                .name("rt_priority").value(k.rtPriority()).endObject();
        }
        if (s.stopReason() != null) {
            w.name("stop_reason").value(s.stopReason());
        }
        return w.endObject().toString();
    }
}
