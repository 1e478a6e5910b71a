package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The interactive shell on a real terminal (tmux): {@code netmodel} with no arguments against a
 * running model; Tab completes a command and a model path segment by segment, Up recalls the
 * last command, the history outlives the shell, {@code exit} leaves with 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class ReplIT {
    private static RunningModel model;
    private static Path home;
    private static String prompt;

    @BeforeAll
    static void up() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Proc.run(Map.of(), "sh", "-c", "command -v tmux").exit() == 0,
            "tmux is not installed (.ci/run installs it)");
        home = TestDirs.dir("netmodel-repl-home");
        model = RunningModel.up("--no-mount");
        prompt = "netmodel " + model.mount().toRealPath() + ">";
    }

    @AfterAll
    static void down() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    /** {@code netmodel} alone in a tmux pane, with its own HOME (history) and this test's model. */
    private static Tmux shell() throws InterruptedException {
        Tmux t = new Tmux("env -u XDG_STATE_HOME HOME='" + home + "' " + Instance.ENV_MOUNT + "='" + model.mount() + "' '"
            + Proc.HOME.resolve("netmodel") + "'; echo \"EXIT=$?\"; sleep 600");
        t.awaitLine(prompt, 60);
        return t;
    }

    @Test
    @Order(1)
    void tab_completes_commands_and_model_paths_and_up_recalls_the_last_command() throws Exception {
        try (Tmux t = shell()) {
            t.type("modp");
            t.press("Tab");
            t.awaitLine(prompt + " modprobe", 10);

            t.press("C-u");
            t.type("cat /sys/cl");
            t.press("Tab");
            t.awaitLine(prompt + " cat /sys/class/", 10);
            t.type("n");
            t.press("Tab");
            t.awaitLine(prompt + " cat /sys/class/net/", 10);
            t.type("et");
            t.press("Tab");
            t.awaitLine(prompt + " cat /sys/class/net/eth0/", 10);
            t.type("mt");
            t.press("Tab");
            t.awaitLine(prompt + " cat /sys/class/net/eth0/mtu", 10);
            t.press("Enter");
            t.await("mtu printed and a new prompt", 30,
                s -> s.contains("cat /sys/class/net/eth0/mtu\n1500\n" + prompt));

            t.type("lsmod");
            t.press("Enter");
            t.await("lsmod's table", 30, s -> s.contains("Module                  Size  Used by\nvirtio_net "));
            t.awaitLine(prompt, 10);
            t.press("Up");
            t.awaitLine(prompt + " lsmod", 10);
            t.press("Up");
            t.awaitLine(prompt + " cat /sys/class/net/eth0/mtu", 10);
            t.press("C-u");

            t.type("frobnicate");
            t.press("Enter");
            t.await("the error, and the shell goes on", 30,
                s -> s.contains("Unmatched argument at index 0: 'frobnicate'") && s.stripTrailing().endsWith(prompt));
            t.type("up");
            t.press("Enter");
            t.await("up refused", 30, s -> s.contains("use 'up --daemon'"));

            t.type("exit");
            t.press("Enter");
            // as a shell's exit: the last command's status, and up was refused
            t.await("the shell's exit code", 30, s -> s.contains("EXIT=1"));
        }
        String history = Files.readString(home.resolve(".netmodel_history"));
        assertTrue(history.contains("cat /sys/class/net/eth0/mtu") && history.contains("lsmod"), history);
    }

    @Test
    @Order(2)
    void history_outlives_the_shell_and_ctrl_d_leaves() throws Exception {
        try (Tmux t = shell()) {
            t.press("Up");
            t.awaitLine(prompt + " exit", 10);
            t.press("Up");
            t.awaitLine(prompt + " up", 10);
            t.press("C-u", "C-d");
            t.await("the shell's exit code", 30, s -> s.contains("EXIT=0"));
        }
    }

    @Test
    @Order(3)
    void ctrl_c_cancels_a_running_command_not_the_shell() throws Exception {
        try (Tmux t = shell()) {
            t.type("trace netif_napi_add");
            t.press("Enter");
            t.await("the probe armed", 30, s -> s.contains("Tracing netif_napi_add... Hit Ctrl-C to end."));
            t.press("C-c");
            t.awaitLine(prompt, 15);
            t.type("cat /proc/sys/net/core/busy_read");
            t.press("Enter");
            t.await("the shell still runs commands", 30, s -> s.contains("busy_read\n0\n" + prompt));
            t.type("exit");
            t.press("Enter");
            t.await("the shell's exit code", 30, s -> s.contains("EXIT=0"));
        }
    }
}
