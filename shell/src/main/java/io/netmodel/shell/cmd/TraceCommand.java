package io.netmodel.shell.cmd;

import io.netmodel.api.trace.TraceEvent;
import io.netmodel.api.trace.TraceService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trace PROBE}: one line per hit of a model function, like a bcc or SystemTap one-liner
 * ({@code stap -e 'probe kernel.function("netif_napi_add") {...}'}), until {@code --count} hits,
 * {@code --timeout} seconds or Ctrl-C.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Print one line per hit of a model function (a probe), like stap or bcc.",
    footer = {"", "Examples:", "  netmodel trace --list",
        "  netmodel trace netif_napi_add            # then, elsewhere: netmodel rmmod e1000; netmodel modprobe e1000",
        "  netmodel trace request_irq --count 3 --json",
        "  netmodel trace napi_poll --count 5         # while netmodel traffic runs: the receive path on simulated time"})
public final class TraceCommand extends ModelCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROBE", description = "The function to probe (see --list).")
    String probe;

    @Option(names = "--list", description = "List the probes and exit.")
    boolean list;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N hits (default: no limit).")
    long count;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = "Stop after S seconds (default: no limit).")
    double timeout;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        TraceService trace = daemon.host().trace()
            .orElseThrow(() -> new ToolError("trace: the kernel model offers no probes", 1));
        if (list) {
            trace.probes().forEach(out::println);
            return 0;
        }
        if (probe == null) {
            throw new ToolError("trace: which probe? (one of: " + String.join(", ", trace.probes()) + ")", 2);
        }
        if (count < 0 || timeout < 0) {
            throw new ToolError("trace: --count and --timeout must be >= 0", 2);
        }
        LinkedBlockingQueue<TraceEvent> hits = new LinkedBlockingQueue<>();
        AutoCloseable sub;
        try {
            sub = trace.subscribe(probe, hits::add);
        } catch (IllegalArgumentException e) {
            throw new ToolError("trace: " + e.getMessage(), 2);
        }
        if (!json) {
            err.println("Tracing " + probe + "... Hit Ctrl-C to end.");
            err.flush(); // before the first hit, as bcc's header
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        long seen = 0;
        try {
            while (count == 0 || seen < count) {
                long wait = Math.min(200_000_000L, deadline - System.nanoTime());
                if (wait <= 0) {
                    break;
                }
                TraceEvent e = hits.poll(wait, TimeUnit.NANOSECONDS);
                if (e == null) {
                    out.flush();
                    if (out.checkError()) {
                        break; // the client went away (Ctrl-C)
                    }
                    continue;
                }
                out.println(json ? json(e) : text(e));
                out.flush();
                seen++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                sub.close();
            } catch (Exception ignored) {
                // unsubscribing cannot fail in a way the user can act on
            }
        }
        return 0;
    }

    /** {@code [    5.123456] cpu0 netif_napi_add dev: eth%d weight: 64 napi_id: 0}. */
    static String text(TraceEvent e) {
        StringBuilder sb = new StringBuilder(String.format("[%5d.%06d] cpu%d %s", e.timeNs() / 1_000_000_000L,
            (e.timeNs() / 1000) % 1_000_000, e.cpu(), e.probe()));
        for (Map.Entry<String, Object> a : e.args().entrySet()) {
            sb.append(' ').append(a.getKey()).append(": ").append(a.getValue());
        }
        return sb.toString();
    }

    static String json(TraceEvent e) {
        StringBuilder sb = new StringBuilder("{\"probe\": \"").append(e.probe()).append("\", \"time_ns\": ")
            .append(e.timeNs()).append(", \"cpu\": ").append(e.cpu());
        for (Map.Entry<String, Object> a : e.args().entrySet()) {
            sb.append(", \"").append(a.getKey()).append("\": ");
            Object v = a.getValue();
            if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }
}
