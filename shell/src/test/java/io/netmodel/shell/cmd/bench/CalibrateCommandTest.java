package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.bench.FakeBenchService;
import io.netmodel.shell.bench.ScaledTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code netmodel calibrate}: flags checked before anything runs; a fit printed and written into a calibration file. */
class CalibrateCommandTest {
    private static final String WHO = "netmodel calibrate: ";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--rounds 0|--rounds must be 1 .. 20, not 0",
        "--fit wire,warp|--fit warp is not a parameter xsk_rr's table depends on; choose from wire,wire_jitter,xmit,"
            + "syscall,poll_empty,poll_per_packet,busy_loop_setup,irq,ring_peek,napi_move,tx_clean",
        "--fit irq,irq|--fit names a parameter twice: irq,irq",
        "--table seed002|--table seed002 is not a known table; the only one is seed001",
        "--csv|--csv is not offered by calibrate: use --json, or run netmodel bench xsk-rr --table seed001 for the "
            + "table's CSV and plot",
        "--write /nonexistent/cloud-vm.properties|--write /nonexistent/cloud-vm.properties: no such file; give an "
            + "existing calibration file (e.g. a copy of framework/kernel/src/main/resources/io/netmodel/rx/cloud-vm.properties)"})
    void bad_flags_are_refused_before_anything_runs(String flags, String message) {
        FakeBenchService fake = new FakeBenchService();
        List<String> args = new ArrayList<>(List.of("calibrate"));
        args.addAll(List.of(flags.split(" ")));
        Cli.Result r = Cli.run(fake, args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(WHO + message + "\n", r.err());
        assertEquals("", r.out());
        assertTrue(fake.xskRequests.isEmpty(), "nothing ran");
    }

    @Test
    void a_model_without_cost_parameters_says_so() {
        Cli.Result r = Cli.run(new FakeBenchService(), "calibrate", "--duration", "0.01");
        assertEquals(1, r.code());
        assertEquals(WHO + "this model has no cost parameters to fit\n", r.err());
    }

    @Test
    void the_fit_is_printed_and_written_into_the_file_keeping_its_comments() throws Exception {
        Path profile = dir.resolve("cloud-vm.properties");
        Files.writeString(profile, "# one-way wire\nwire=3000\n# a key not fitted\nwakeup=4000\n", StandardCharsets.UTF_8);
        List<XskRrRequest> runs = new ArrayList<>();
        Cli.Result r = Cli.run(ScaledTable.withWire(3000, runs), "calibrate", "--fit", "wire", "--rounds", "4",
            "--duration", "0.05", "--write", profile.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("netmodel calibrate: seed001, 18 explained cells, 1 parameters, 4 rounds, "
            + "0.05 s per cell, seed 1:"), r.out());
        String fitted = Files.readString(profile, StandardCharsets.UTF_8);
        long wire = Long.parseLong(fitted.lines().filter(l -> l.startsWith("wire=")).findFirst().orElseThrow().substring(5));
        assertTrue(Math.abs(wire - 4300) <= 200, "fitted wire " + wire);
        assertEquals("# one-way wire\nwire=" + wire + "\n# a key not fitted\nwakeup=4000\n", fitted);
        assertTrue(r.out().contains(String.format("%-18s %9d %9d", "wire", 3000, wire)), r.out());
        assertTrue(r.out().contains("explained cells (without interrupts at 32K+30 and 25K+38)"), r.out());
        assertEquals(WHO + "wrote 1 fitted values into " + profile + "\n", r.err());
    }

    @Test
    void json_gives_both_sets_of_costs_and_the_scores() {
        Cli.Result r = Cli.run(ScaledTable.withWire(4300, new ArrayList<>()), "calibrate", "--fit", "irq", "--rounds", "1",
            "--duration", "0.05", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{\n  \"table\": \"seed001\",\n  \"cell_duration_ns\": 50000000,\n  \"seed\": 1,\n"
            + "  \"rounds\": 1,\n  \"evaluations\": 3,\n  \"profile\": {\n    \"irq\": 100\n  },\n  \"fitted\": {\n"
            + "    \"irq\": 100\n  },\n  \"score_profile\": {\n    \"rms_p50_error\": 0,\n"), r.out());
        assertTrue(r.out().contains("\"misordered_pairs\": 0"), r.out());
        assertTrue(r.out().endsWith("\"steps\": []\n}\n") || r.out().endsWith("\"steps\": []\n}"), r.out());
    }

    @Test
    void each_cell_runs_half_a_second_unless_told_and_the_help_says_so() {
        Cli.Result r = Cli.run(ScaledTable.withWire(4300, new ArrayList<>()), "calibrate", "--fit", "irq", "--rounds", "1",
            "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"cell_duration_ns\": 500000000,"), r.out());
        String help = Cli.run(new FakeBenchService(), "calibrate", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Simulated seconds per run, > 0 and <= 3600 (default: 0.5)"), help);
        for (String refused : new String[] {"--csv", "--plot", "--live", "--mount"}) {
            assertTrue(!help.contains(refused), refused + " is refused, so not offered: " + help);
        }
        String xskHelp = Cli.run(new FakeBenchService(), "bench", "xsk-rr", "--help").out().replaceAll("\\s+", " ");
        assertTrue(xskHelp.contains("Simulated seconds per run, > 0 and <= 3600 (default: 10)"), xskHelp);
    }
}
