package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.shell.bench.FakeBenchService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench epoll-rr --live}: the server's kernel state is the running model's, so flags that
 * would set it are refused (exit 2, before anything runs, saying what to type instead); epoll's
 * own parameters are sent; the report shows the NAPI values the model had in force.
 */
class EpollRrLiveCommandTest {
    private static final String WHO = "netmodel bench epoll-rr: ";

    @TempDir
    Path dir;

    private static Cli.Result refused(String... args) {
        FakeBenchService fake = new FakeBenchService();
        Cli.Result r = Cli.run(fake, args);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(fake.epollLiveRequests.isEmpty(), "nothing ran");
        return r;
    }

    @Test
    void a_set_up_with_live_is_refused_with_what_to_type_on_the_model_instead() {
        Cli.Result r = refused("bench", "epoll-rr", "--live", "--rate", "25000", "--setup", "suspend20");
        assertEquals(List.of(
            WHO + "--setup suspend20 sets the server's knobs itself; --live runs on the running model's own knobs: drop "
                + "one of them",
            "to run suspend20 on the running model, set its knobs there (N: eth0's input IRQ in /proc/interrupts; "
                + "<napi-id>: netmodel ynl --family netdev --dump napi-get), then run it with --live:",
            "  netmodel write /proc/irq/N/smp_affinity_list 1",
            "  netmodel write /sys/class/net/eth0/napi_defer_hard_irqs 100",
            "  netmodel write /sys/class/net/eth0/gro_flush_timeout 20000",
            "  netmodel ynl --family netdev --do napi-set --json '{\"id\": <napi-id>, \"irq-suspend-timeout\": 20000000}'",
            "  netmodel bench epoll-rr --live --rate 25000 --busy-poll-budget 64 --prefer-busy-poll"), r.err().lines().toList());
    }

    @Test
    void all_set_ups_with_live_is_refused_in_one_line() {
        Cli.Result r = refused("bench", "epoll-rr", "--live", "--rate", "25000", "--setup", "all");
        assertEquals(WHO + "--setup all sets the server's knobs itself; --live runs on the running model's own knobs: "
            + "drop one of them\n", r.err());
    }

    @Test
    void napi_flags_with_live_are_refused_naming_them_and_the_files_that_hold_them() {
        Cli.Result r = refused("bench", "epoll-rr", "--live", "--rate", "25000", "--defer", "100", "--irq-suspend-timeout",
            "20000000");
        assertEquals(WHO + "--defer, --irq-suspend-timeout set the server's NAPI; with --live the running model's own "
            + "values are used (drop them, or set them on the model: netmodel write /sys/class/net/eth0/napi_defer_hard_irqs 100; "
            + "netmodel ynl --family netdev --do napi-set --json '{\"id\": <napi-id>, \"irq-suspend-timeout\": 20000000}')\n",
            r.err());
        r = refused("bench", "epoll-rr", "--live", "--rate", "25000", "--gro-flush-timeout", "0");
        assertEquals(WHO + "--gro-flush-timeout sets the server's NAPI; with --live the running model's own value is used "
            + "(drop it, or set it on the model: netmodel write /sys/class/net/eth0/gro_flush_timeout 0)\n", r.err());
    }

    @Test
    void live_without_a_running_model_says_so_and_what_to_type() {
        Cli.Result r = Cli.run(null, "bench", "epoll-rr", "--live", "--rate", "25000", "--mount",
            dir.resolve("none").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(WHO + "--live: no model is running at " + dir.resolve("none") + " (start one with: netmodel up "
            + "--daemon --mount " + dir.resolve("none") + "; or drop --live to run on an in-process model)\n", r.err());
    }

    @Test
    void epolls_own_flags_are_sent_and_the_report_shows_the_models_napi_values() {
        FakeBenchService fake = new FakeBenchService();
        Cli.Result r = Cli.run(fake, "bench", "epoll-rr", "--live", "--rate", "25000", "--busy-poll-budget", "64",
            "--prefer-busy-poll", "--duration", "0.01");
        assertEquals(0, r.code(), r.err());
        EpollRrRequest sent = fake.epollLiveRequests.get(0);
        assertEquals(new EpollRrRequest(25000, 3000, 0, 64, true, 0, 0, 0, 10_000_000, 1), sent);
        assertTrue(r.out().contains("epoll: busy_poll_usecs 0, busy_poll_budget 64, prefer_busy_poll 1; NAPI: defer 100, "
            + "gro_flush_timeout 20000 ns, irq_suspend_timeout 20000000 ns\n"), r.out());
        assertTrue(r.out().contains("  config = the running model's knobs on the server\n"), r.out());
        assertTrue(r.out().contains("  server.epoll.busy_poll = on: prefer_busy_poll, one pass per epoll_wait\n"), r.out());
    }

    @Test
    void without_live_a_set_up_still_refuses_an_explicit_napi_flag() {
        Cli.Result r = refused("bench", "epoll-rr", "--rate", "25000", "--setup", "base", "--defer", "0");
        assertEquals(WHO + "--setup base sets the knobs itself: drop --busy-poll-*, --prefer-busy-poll, --defer, "
            + "--gro-flush-timeout and --irq-suspend-timeout\n", r.err());
    }
}
