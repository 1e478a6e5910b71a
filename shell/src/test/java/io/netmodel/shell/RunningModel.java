package io.netmodel.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netmodel.fsmount.FuseAvailability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model started for an integration test as a user starts one: {@code ./netmodel up --daemon}
 * on a new temporary mount point, named to every later command by {@code NETMODEL_MOUNT}.
 * {@link #close()} stops it with {@code down}, which must exit 0, and removes the mount point; in
 * try-with-resources (or {@code @AfterAll}) a failed {@code down} is reported beside the test's
 * own failure (suppressed), never in its place.
 */
final class RunningModel implements AutoCloseable {
    private final Path mount;
    private final Map<String, String> env;
    private final Proc.Result up;
    private boolean stopped;

    private RunningModel(Path mount, Map<String, String> env, Proc.Result up) {
        this.mount = mount;
        this.env = env;
        this.up = up;
    }

    /** {@code up --daemon EXTRA_UP_ARGS...} (e.g. {@code --no-mount}, {@code --kernel 4.4}, {@code --allow-other}). */
    /**
     * Polls {@code done} every 50 ms for up to 10 s and returns either way (the caller asserts):
     * live traffic's pacer runs in the daemon on wall time, so an IT waits for what it caused.
     */
    static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (long waited = 0; !done.getAsBoolean() && waited < 10_000; waited += 50) {
            Thread.sleep(50);
        }
    }

    static RunningModel up(String... extraUpArgs) throws IOException {
        return up(Map.of(), extraUpArgs);
    }

    /**
     * The same with {@code extraEnv} (e.g. {@code NETMODEL_FUSE_INVALIDATE}) for {@code up} and every
     * later {@link #netmodel}. A model that mounts (no {@code --no-mount}, no {@code NETMODEL_DEV_FUSE})
     * needs FUSE: without it the test is skipped. Fails with what {@code up} printed unless it exits 0.
     */
    static RunningModel up(Map<String, String> extraEnv, String... extraUpArgs) throws IOException {
        List<String> argv = new ArrayList<>(List.of("up", "--daemon"));
        argv.addAll(List.of(extraUpArgs));
        if (!argv.contains("--no-mount") && !extraEnv.containsKey("NETMODEL_DEV_FUSE")) {
            assumeTrue(FuseAvailability.problem().isEmpty(), () -> "FUSE unavailable: " + FuseAvailability.problem().get());
        }
        Path mount = Files.createTempDirectory("netmodel-it");
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put(Instance.ENV_MOUNT, mount.toString());
        Proc.Result up = Proc.netmodel(env, argv.toArray(new String[0]));
        if (up.exit() != 0) {
            Files.deleteIfExists(mount);
            throw new AssertionError(String.join(" ", argv) + " failed: " + up);
        }
        return new RunningModel(mount, Map.copyOf(env), up);
    }

    /** The mount point (with {@code --no-mount} too: it names the instance). */
    Path mount() {
        return mount;
    }

    /** {@code NETMODEL_MOUNT} and the extra variables {@code up} was given. */
    Map<String, String> env() {
        return env;
    }

    /** What {@code up} printed (it exited 0). */
    Proc.Result upResult() {
        return up;
    }

    /** {@code rel} (e.g. {@code sys/class/net/eth0/mtu}) under the mount point. */
    Path file(String rel) {
        return mount.resolve(rel);
    }

    /** {@code ./netmodel ARGS...} against this model. */
    Proc.Result netmodel(String... args) {
        return Proc.netmodel(env, args);
    }

    /** A real {@code cat} of {@code rel} under the mount, as any process on the host reads it. */
    Proc.Result cat(String rel) {
        return Proc.run(Map.of(), "cat", file(rel).toString());
    }

    /** {@code down}, for a test that checks it; {@link #close()} then only removes the mount point. */
    Proc.Result down() {
        stopped = true;
        return netmodel("down");
    }

    @Override
    public void close() throws IOException {
        if (!stopped) {
            Proc.Result down = down();
            if (down.exit() != 0) {
                throw new AssertionError("down failed: " + down);
            }
        }
        Files.deleteIfExists(mount);
    }
}
