package io.netmodel.shell.cmd;

import io.netmodel.api.trace.TraceEvent;
import io.netmodel.api.trace.TraceService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trace PROBE...}: one line per hit of model functions, like a bcc {@code trace} or
 * SystemTap one-liner ({@code stap -e 'probe kernel.function("napi_*") {...}'}), until
 * {@code --count} hits, {@code --timeout} seconds or Ctrl-C. Several probes, or a pattern, give
 * one stream in the order of the simulation, so the steps of the receive path read in sequence.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Print one line per hit of model functions (probes), like stap or bcc's trace.",
    footer = {"", "Examples:", "  netmodel trace --list",
        "  netmodel trace netif_napi_add     # then, elsewhere: rmmod and modprobe e1000",
        "  netmodel trace request_irq --count 3 --json",
        "  netmodel trace napi_poll --count 5     # while netmodel traffic runs",
        "  netmodel trace napi_schedule napi_poll napi_complete_done --count 9",
        "  netmodel trace 'napi_*' --timeout 1    # every probe the pattern matches"})
public final class TraceCommand extends ModelCommand {
    @Parameters(arity = "0..*", paramLabel = "PROBE",
        description = "The functions to probe (see --list); a name with * or ? stands for every probe it matches.")
    List<String> probes = new ArrayList<>();

    @Option(names = "--list", description = "List the probes and exit.")
    boolean list;

    /** The longest --timeout: a year (its nanoseconds must fit in a long). */
    private static final double MAX_TIMEOUT_S = 365 * 86400;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N hits, 1 or more (default: no limit).")
    Long countGiven;
    private long count;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds, > 0 (default: no limit).")
    Double timeoutGiven;
    private double timeout;

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
        if (countGiven != null && countGiven < 1) {
            throw new ToolError("trace: --count must be 1 or more, not " + countGiven + " (leave it out for no limit)", 2);
        }
        if (timeoutGiven != null && !(timeoutGiven > 0 && timeoutGiven <= MAX_TIMEOUT_S)) {
            throw new ToolError("trace: --timeout must be > 0 and <= " + (long) MAX_TIMEOUT_S + " seconds, not "
                + timeoutGiven + " (leave it out for no limit)", 2);
        }
        count = countGiven == null ? 0 : countGiven;
        timeout = timeoutGiven == null ? 0 : timeoutGiven;
        List<String> selected = select(probes, trace.probes());
        LinkedBlockingQueue<TraceEvent> hits = new LinkedBlockingQueue<>();
        List<AutoCloseable> subs = new ArrayList<>();
        try {
            for (String p : selected) {
                subs.add(trace.subscribe(p, hits::add)); // the model's one thread delivers every hit: one queue keeps their order
            }
        } catch (IllegalArgumentException e) {
            unsubscribe(subs);
            throw new ToolError("trace: " + e.getMessage(), 2);
        }
        if (!json) {
            err.println("Tracing " + String.join(", ", selected) + "... Hit Ctrl-C to end.");
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
            unsubscribe(subs);
        }
        return 0;
    }

    /**
     * The probes {@code patterns} name, in the order given (a pattern's matches in the order of
     * {@code available}), each once. A name with {@code *} (any run of characters) or {@code ?}
     * (one character) is a pattern, as in bpftrace and SystemTap probe points.
     *
     * @throws ToolError (exit 2) when nothing is named, or a name or pattern matches no probe
     */
    static List<String> select(List<String> patterns, List<String> available) throws ToolError {
        if (patterns.isEmpty()) {
            throw new ToolError("trace: which probe? (one of: " + String.join(", ", available) + ")", 2);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String p : patterns) {
            Pattern glob = Pattern.compile(glob(p));
            List<String> matches = available.stream().filter(a -> glob.matcher(a).matches()).toList();
            if (matches.isEmpty()) {
                throw new ToolError("trace: no probe " + (p.contains("*") || p.contains("?") ? "matches '" : "'") + p
                    + "' (probes: " + String.join(", ", available) + ")", 2);
            }
            chosen.addAll(matches);
        }
        return List.copyOf(chosen);
    }

    /** {@code *} and {@code ?} as a regular expression; everything else literal. */
    private static String glob(String p) {
        StringBuilder re = new StringBuilder();
        for (String part : p.split("((?<=[*?])|(?=[*?]))")) {
            re.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return re.toString();
    }

    private static void unsubscribe(List<AutoCloseable> subs) {
        for (AutoCloseable s : subs) {
            try {
                s.close();
            } catch (Exception ignored) {
                // unsubscribing cannot fail in a way the user can act on
            }
        }
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
