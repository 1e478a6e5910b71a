package io.netmodel.shell.repl;

import io.netmodel.shell.Main;
import io.netmodel.shell.Session;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one REPL line as {@code netmodel WORDS...} would run ({@link Main#execute} in the client
 * session: forwarded to the daemon) on a worker thread, so that Ctrl-C can cancel it: the
 * worker is interrupted (a forwarded command's socket closes and the daemon stops serving it,
 * e.g. {@code trace}), its further output is dropped, and the line ends with 130 like a shell's.
 * A command that ignores the interrupt (an in-process {@code bench}) finishes unseen in the
 * background.
 */
final class CommandRunner {
    /** How long a cancelled command gets to wind down before the prompt comes back. */
    static final long WIND_DOWN_MS = 2000;
    static final int CANCELLED = 130; // 128 + SIGINT, what shells report

    private volatile Running running;

    private record Running(Thread worker, Gate out, Gate err, CountDownLatch done) {
    }

    int run(List<String> words, Writer out, Writer err) throws InterruptedException {
        Gate o = new Gate(out);
        Gate e = new Gate(err);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(1);
        Thread t = new Thread(() -> {
            PrintWriter po = new PrintWriter(o, true);
            PrintWriter pe = new PrintWriter(e, true);
            try {
                code.set(Main.execute(words.toArray(new String[0]), Session.CLIENT, po, pe));
            } catch (RuntimeException | Error ex) {
                pe.println("netmodel: " + ex);
                code.set(1);
            } finally {
                po.flush();
                pe.flush();
                done.countDown();
            }
        }, "netmodel-command");
        t.setDaemon(true);
        running = new Running(t, o, e, done);
        t.start();
        try {
            done.await();
        } finally {
            running = null;
        }
        return o.isShut() ? CANCELLED : code.get();
    }

    /** Ctrl-C: cancel the running command, if any, and let {@link #run} return. */
    void cancel() {
        Running r = running;
        if (r == null) {
            return;
        }
        r.out().shut();
        r.err().shut();
        r.worker().interrupt();
        try {
            r.done().await(WIND_DOWN_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        r.done().countDown();
    }
}
