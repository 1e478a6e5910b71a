package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import io.netmodel.shell.Instance;
import io.netmodel.shell.control.ControlClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code down}: unmounts and stops the model; returns once it has. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Unmount and stop the running model.",
    footer = {"", "Examples:", "  netmodel down", "  netmodel down --mount /tmp/nm2              the instance mounted at /tmp/nm2"})
public final class DownCommand extends ModelCommand {
    private static final long WAIT_MS = 15_000;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        out.println("netmodel: stopping the model at " + daemon.instance().mountPoint());
        daemon.requestStop();
        return 0;
    }

    @Override
    protected boolean connectionLossIsExpected() {
        return true;
    }

    /** Waits until the daemon no longer answers, so the mount is gone when down returns. */
    @Override
    protected int afterForward(Instance inst, int code, PrintWriter err) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (ControlClient.alive(inst.socket()) || java.nio.file.Files.exists(inst.pidFile())) {
            if (System.currentTimeMillis() > deadline) {
                err.println("netmodel: the model at " + inst.mountPoint() + " did not stop within " + WAIT_MS / 1000 + " s");
                return 1;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        return code;
    }
}
