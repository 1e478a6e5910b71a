package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.bench.FakeBenchService;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused before anything runs: exit 2, one line naming the flag and what is allowed. */
class BenchValidationTest {
    static Stream<Arguments> refusals() {
        String xsk = "netmodel bench xsk-rr: ";
        String tcp = "netmodel bench tcp-rr: ";
        return Stream.of(
            Arguments.of("bench xsk-rr --rate 0 --mode interrupts", xsk + "--rate must be 1 .. 10000000 packets/s, not 0"),
            Arguments.of("bench xsk-rr --rate -5 --mode interrupts", xsk + "--rate must be 1 .. 10000000 packets/s, not -5"),
            Arguments.of("bench xsk-rr --rate=-12500 --mode interrupts",
                xsk + "--rate must be 1 .. 10000000 packets/s, not -12500"),
            Arguments.of("bench xsk-rr --period 0 --mode interrupts", xsk + "--period must be 0.1 .. 1000000 µs, not 0"),
            Arguments.of("bench xsk-rr --rate 12500 --period 80 --mode interrupts",
                xsk + "--rate and --period say the same thing (period = 1e9 / rate ns): give one"),
            Arguments.of("bench xsk-rr --mode interrupts", xsk + "give --rate PPS or --period US (or --table seed001)"),
            Arguments.of("bench xsk-rr --rate 12500 --delay -1 --mode interrupts",
                xsk + "--delay must be 0 .. 1000000 µs, not -1"),
            Arguments.of("bench xsk-rr --rate 12500 --delay -0.5 --mode interrupts",
                xsk + "--delay must be 0 .. 1000000 µs, not -0.5"),
            Arguments.of("bench xsk-rr --rate 12500 --mode polling", xsk + "--mode polling is not a mode; choose one of: "
                + "interrupts, busy-poll, busy-poll-separate, threaded-busy-poll"),
            Arguments.of("bench xsk-rr --rate 12500", xsk + "give --mode: one of interrupts, busy-poll, "
                + "busy-poll-separate, threaded-busy-poll"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --duration 0",
                xsk + "--duration must be > 0 and <= 3600 s of simulated time, not 0"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --duration -3",
                xsk + "--duration must be > 0 and <= 3600 s of simulated time, not -3"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --duration 3600.5",
                xsk + "--duration must be > 0 and <= 3600 s of simulated time, not 3600.5"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --kernel 3.10",
                xsk + "--kernel 3.10 is not modelled: choose 3.11 .. 6.19"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --kernel 7.0",
                xsk + "--kernel 7.0 is not modelled: choose 3.11 .. 6.19"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --kernel six",
                xsk + "--kernel: not a kernel version: 'six' (expected MAJOR.MINOR, e.g. 6.19)"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --cpus 0", xsk + "--cpus must be 6 .. 64, not 0"),
            Arguments.of("bench xsk-rr --rate 12500 --mode busy-poll --cpus 2", xsk + "--cpus must be 6 .. 64, not 2 "
                + "(seed 001 pins the IRQ and the NAPI kthread on CPU 2, the sender on CPU 3, the main threads on CPU 4 "
                + "and the -t thread on CPU 5)"),
            Arguments.of("bench tcp-rr --cpus 1", tcp + "--cpus must be 2 .. 64, not 1 (the NIC's interrupt is on CPU 0 "
                + "and the application's thread on CPU 1)"),
            Arguments.of("bench udp-rr --cpus 65", "netmodel bench udp-rr: --cpus must be 2 .. 64, not 65"),
            Arguments.of("bench epoll-rr --rate 25000 --cpus 1", "netmodel bench epoll-rr: --cpus must be 2 .. 64, not 1 "
                + "(epoll_rr's server thread is on CPU 1, the NIC's interrupt on CPU 0 unless smp_affinity says otherwise)"),
            Arguments.of("bench epoll-rr --rate 1000 --busy-poll-budget 65536",
                "netmodel bench epoll-rr: --busy-poll-budget must be 0 .. 65535, not 65536"),
            Arguments.of("bench epoll-rr --rate 1000 --gro-flush-timeout -1",
                "netmodel bench epoll-rr: --gro-flush-timeout must be 0 .. 9223372036854775807, not -1"),
            Arguments.of("calibrate --cpus 4", "netmodel calibrate: --cpus must be 6 .. 64, not 4 (seed 001 pins the IRQ "
                + "and the NAPI kthread on CPU 2, the sender on CPU 3, the main threads on CPU 4 and the -t thread on "
                + "CPU 5)"),
            Arguments.of("bench xsk-rr --table seed002", xsk + "--table seed002 is not a known table; the only one is seed001"),
            Arguments.of("bench xsk-rr --table seed001 --mode busy-poll", xsk + "--table seed001 sets the rates, delays "
                + "and modes itself: drop --rate, --period, --delay and --mode"),
            Arguments.of("bench xsk-rr --table seed001 --json --csv", xsk + "--json and --csv are exclusive: choose one"),
            Arguments.of("bench xsk-rr --table seed001 --plot /nonexistent-dir/cdf.svg",
                xsk + "--plot /nonexistent-dir/cdf.svg: the directory /nonexistent-dir does not exist"),
            Arguments.of("bench xsk-rr --table seed001 --live --kernel 4.4", xsk + "--kernel chooses the in-process "
                + "model; with --live the running model's own is used (drop it, or drop --live)"),
            Arguments.of("bench xsk-rr --table seed001 --mount /tmp/x", xsk + "--mount chooses a running model and needs --live"),
            Arguments.of("bench tcp-rr --busy-read -1", tcp + "--busy-read must be 0 .. 2147483647 µs (0 = off), not -1"),
            Arguments.of("bench tcp-rr --busy-poll -50", tcp + "--busy-poll must be 0 .. 2147483647 µs (0 = off), not -50"),
            Arguments.of("bench tcp-rr --duration 4000", tcp + "--duration must be > 0 and <= 3600 s of simulated time, not 4000"),
            Arguments.of("bench tcp-rr --rate 5", "netmodel bench tcp-rr: Unknown options: '--rate', '5'"),
            Arguments.of("bench xsk-rr --rate fast --mode busy-poll",
                "netmodel bench xsk-rr: Invalid value for option '--rate': 'fast' is not a double"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refused_with_exit_2_before_running(String args, String message) {
        FakeBenchService fake = new FakeBenchService();
        Cli.Result r = Cli.run(fake, args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(message, r.err().lines().findFirst().orElse(""), r.err());
        assertEquals("", r.out());
        assertTrue(fake.xskRequests.isEmpty() && fake.tcpRequests.isEmpty(), "nothing ran");
    }

    /** A mode or knob the chosen --kernel lacks: refused by the model, a usage error from flags (exit 2). */
    @org.junit.jupiter.api.Test
    void a_request_the_model_refuses_for_its_kernel_is_a_usage_error() {
        FakeBenchService refusing = new FakeBenchService();
        refusing.refusal = "threaded busy poll exists from 6.19; the model runs kernel 6.1";
        Cli.Result r = Cli.run(refusing, "bench", "xsk-rr", "--rate", "1000", "--mode", "threaded-busy-poll",
            "--kernel", "6.1", "--duration", "0.01");
        assertEquals(2, r.code());
        assertEquals("netmodel bench xsk-rr: threaded busy poll exists from 6.19; the model runs kernel 6.1\n", r.err());
    }

    @org.junit.jupiter.api.Test
    void an_unknown_driver_lists_the_modules_in_bundles() {
        Cli.Result r = Cli.run(new FakeBenchService(), "bench", "tcp-rr", "--driver", "e1001");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("netmodel bench tcp-rr: --driver e1001: no such module in "), r.err());
        assertTrue(r.err().contains("/bundles; available: "), r.err());
    }

    @org.junit.jupiter.api.Test
    void a_delay_not_shorter_than_the_period_is_warned_about_and_run() {
        FakeBenchService fake = new FakeBenchService();
        Cli.Result r = Cli.run(fake, "bench", "xsk-rr", "--rate", "12500", "--delay", "90", "--mode", "busy-poll",
            "--duration", "0.1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("netmodel bench xsk-rr: warning: --delay 90 µs is not shorter than the period 80 µs"),
            r.err());
        assertEquals(1, fake.xskRequests.size());
        assertEquals(90_000, fake.xskRequests.get(0).delayNs());
    }
}
