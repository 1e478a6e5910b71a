package io.netmodel.rx;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.sched.NapiThreaded;

/**
 * Which of seed 001's set-ups a running model's knobs make, for an xsk_rr run on them. The
 * xsk_rr command line is the same for "interrupts" and "busy-poll": what differs is the script
 * variant, i.e. {@code net.core.busy_read} (400 or 0), so without {@code --mode} the knobs
 * decide; with it, the knobs must agree, since the model will not pretend a set-up the files
 * do not describe.
 */
final class LiveMode {
    private static final String BUSY_READ = "/proc/sys/net/core/busy_read";

    private LiveMode() {
    }

    /** {@code asked} (null: infer) checked against {@code knobs}; throws with what to change. */
    static XskMode resolve(XskMode asked, LiveKnobs knobs) {
        long busyRead = Long.parseLong(knobs.value(BUSY_READ));
        boolean threadedBusyPoll = knobs.napi().threaded() == NapiThreaded.BUSY_POLL;
        if (asked == null) {
            return threadedBusyPoll ? XskMode.THREADED_BUSY_POLL : busyRead > 0 ? XskMode.BUSY_POLL : XskMode.INTERRUPTS;
        }
        switch (asked) {
            case INTERRUPTS:
                if (busyRead > 0) {
                    throw new IllegalArgumentException("--mode interrupts, but the running model has net.core.busy_read = "
                        + busyRead + ", so xsk_rr's sockets busy poll on every sendto and recvfrom (that is --mode "
                        + "busy-poll); for interrupts set it to 0, as seed 001's 'enable_interrupt' variant does: "
                        + "netmodel write /proc/sys/net/core/busy_read 0");
                }
                return asked;
            case BUSY_POLL:
            case BUSY_POLL_SEPARATE:
                if (busyRead == 0) {
                    throw new IllegalArgumentException("--mode " + asked.cliName() + " needs busy polling on xsk_rr's "
                        + "sockets, but the running model has net.core.busy_read = 0; set it as seed 001's script "
                        + "does: netmodel write /proc/sys/net/core/busy_read 400");
                }
                return asked;
            case THREADED_BUSY_POLL:
            default:
                if (!threadedBusyPoll) {
                    throw new IllegalArgumentException("--mode " + asked.cliName() + " needs eth0's NAPI in threaded "
                        + "busy-poll mode, but on the running model it is '" + knobs.napi().threaded().ynlName()
                        + "'; set it as seed 001's 'enable_threaded' variant does: netmodel ynl --family netdev "
                        + "--do napi-set --json '{\"id\": <napi-id>, \"threaded\": \"busy-poll\"}'");
                }
                return asked;
        }
    }
}
