package io.netmodel.shell.repl;

import io.netmodel.shell.Instance;
import io.netmodel.shell.control.ControlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ModelListing} through the instance's control socket: one {@code netmodel ls -pL DIR}
 * (or {@code netmodel trace --list}) round trip per Tab, run by the daemon on its model. A model that is not running, or that
 * does not answer within {@link #TIMEOUT_MS} (its lock held by a long command), completes
 * nothing rather than freezing the prompt.
 */
public final class DaemonListing implements ModelListing {
    static final long TIMEOUT_MS = 1500;

    private final Instance instance;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "netmodel-completion");
        t.setDaemon(true);
        return t;
    });

    public DaemonListing(Instance instance) {
        this.instance = instance;
    }

    @Override
    public List<String> list(String dir) {
        return ask(List.of("ls", "-pL", dir));
    }

    @Override
    public List<String> probes() {
        return ask(List.of("trace", "--list"));
    }

    /** The lines {@code netmodel ARGS} prints, or none if it fails or takes too long. */
    private List<String> ask(List<String> args) {
        Future<List<String>> answer = worker.submit(() -> query(args));
        try {
            return answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return List.of();
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<String> query(List<String> args) throws IOException {
        StringWriter out = new StringWriter();
        PrintWriter discard = new PrintWriter(new StringWriter());
        Optional<Integer> code = ControlClient.run(instance.socket(), args, new PrintWriter(out), discard);
        if (code.isEmpty() || code.get() != 0) {
            return List.of();
        }
        return out.toString().lines().filter(s -> !s.isEmpty()).toList();
    }
}
