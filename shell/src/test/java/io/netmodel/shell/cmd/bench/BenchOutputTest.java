package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.bench.FakeBenchService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output shapes on a fake BenchService: golden files for JSON, CSV and text; requests as meant. */
class BenchOutputTest {
    private static final String[] TABLE = {"bench", "xsk-rr", "--table", "seed001", "--duration", "0.2", "--seed", "7"};
    private static final String[] SINGLE = {"bench", "xsk-rr", "--rate", "12500", "--delay", "0", "--mode",
        "busy-poll", "--duration", "2.5", "--seed", "7"};
    private static final String[] TCP = {"bench", "tcp-rr", "--busy-read", "50", "--busy-poll", "50", "--duration", "1"};

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String ok(String... args) {
        Cli.Result r = Cli.run(new FakeBenchService(), args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    @Test
    void seed001_table_json_is_golden_and_the_same_every_time() throws Exception {
        String json = ok(with(TABLE, "--json"));
        assertEquals(json, ok(with(TABLE, "--json")));
        Golden.check("xsk-rr-seed001.json", json);
        assertNotEquals(json, ok("bench", "xsk-rr", "--table", "seed001", "--duration", "0.2", "--seed", "8", "--json"));
    }

    @Test
    void seed001_table_json_has_the_fields_of_every_cell() {
        String json = ok(with(TABLE, "--json"));
        assertTrue(json.startsWith("[\n  {\n    \"workload\": \"xsk-rr\",\n    \"experiment\": \"12K+0\",\n"
            + "    \"rate_pps\": 12500,\n    \"period_us\": 80,\n    \"delay_us\": 0,\n    \"mode\": \"interrupts\",\n"), json);
        for (String field : List.of("rate_pps", "delay_us", "mode", "p5_ns", "p50_ns", "p95_ns", "p99_ns", "true_p5_ns",
            "true_p50_ns", "true_p95_ns", "true_p99_ns", "true_p999_ns", "mean_ns", "published_p5_ns", "published_p50_ns",
            "published_p95_ns", "published_p99_ns", "error_p5", "error_p50", "error_p95", "error_p99", "knobs", "cpus")) {
            assertEquals(20, json.split("\n    \"" + field + "\": ", -1).length - 1, field);
        }
        assertTrue(json.contains("\"experiment\": \"32K+30\",\n    \"rate_pps\": 32000,\n    \"period_us\": 31.25,\n"
            + "    \"delay_us\": 30,\n"), json);
    }

    @Test
    void seed001_table_csv_is_a_header_and_twenty_rows_of_equal_width() throws Exception {
        String csv = ok(with(TABLE, "--csv"));
        Golden.check("xsk-rr-seed001.csv", csv);
        List<String> lines = csv.lines().toList();
        assertEquals(21, lines.size());
        assertTrue(lines.get(0).startsWith("workload,experiment,rate_pps,period_us,delay_us,mode,"), lines.get(0));
        int columns = lines.get(0).split(",", -1).length;
        for (String l : lines) {
            assertEquals(columns, l.split(",", -1).length, l);
        }
        assertTrue(lines.get(6).startsWith("xsk-rr,32K+30,32000,31.25,30,busy-poll,7,0.2,6400,6400,32000,"), lines.get(6));
    }

    @Test
    void seed001_table_text_is_golden() throws Exception {
        Golden.check("xsk-rr-seed001.txt", ok(TABLE));
    }

    @Test
    void single_xsk_rr_run_text_json_csv() throws Exception {
        Golden.check("xsk-rr-single.txt", ok(SINGLE));
        String json = ok(with(SINGLE, "--json"));
        Golden.check("xsk-rr-single.json", json);
        assertTrue(json.startsWith("{\n  \"workload\": \"xsk-rr\",\n  \"rate_pps\": 12500,\n"), json);
        assertTrue(!json.contains("published_") && !json.contains("\"experiment\""), json);
        List<String> csv = ok(with(SINGLE, "--csv")).lines().toList();
        assertEquals(2, csv.size());
        assertEquals(csv.get(0).split(",", -1).length, csv.get(1).split(",", -1).length);
        assertTrue(csv.get(1).startsWith("xsk-rr,,12500,80,0,busy-poll,7,2.5,31250,"), csv.get(1));
    }

    @Test
    void udp_rr_is_tcp_rr_over_udp_in_every_format() throws Exception {
        String[] udp = {"bench", "udp-rr", "--busy-read", "50", "--busy-poll", "50", "--duration", "1"};
        Golden.check("udp-rr.txt", ok(udp));
        String json = ok(with(udp, "--json"));
        assertTrue(json.contains("\"workload\": \"udp-rr\""), json);
        assertTrue(ok(with(udp, "--csv")).lines().toList().get(1).startsWith("udp-rr,50,50,1,1,"), "csv");
    }

    @Test
    void tcp_rr_text_json_csv() throws Exception {
        Golden.check("tcp-rr.txt", ok(TCP));
        String json = ok(with(TCP, "--json"));
        Golden.check("tcp-rr.json", json);
        for (String field : List.of("transactions_per_s", "p50_ns", "p99_ns", "mean_ns")) {
            assertTrue(json.contains("\n  \"" + field + "\": "), field);
        }
        List<String> csv = ok(with(TCP, "--csv")).lines().toList();
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("workload,busy_read_us,busy_poll_us,seed,duration_s,samples,transactions,"
            + "transactions_per_s,p5_ns,p50_ns"), csv.get(0));
    }

    @Test
    void rate_is_turned_into_a_period_and_period_is_taken_as_given() {
        FakeBenchService fake = new FakeBenchService();
        assertEquals(0, Cli.run(fake, "bench", "xsk-rr", "--rate", "12500", "--delay", "78", "--mode", "interrupts",
            "--duration", "0.01", "--json").code());
        assertEquals(0, Cli.run(fake, "bench", "xsk-rr", "--period", "31.25", "--delay", "30", "--mode",
            "threaded-busy-poll", "--duration", "0.01", "--seed", "3", "--json").code());
        assertEquals(0, Cli.run(fake, "bench", "xsk-rr", "--rate", "32000", "--mode", "busy-poll-separate",
            "--duration", "0.01", "--json").code());
        assertEquals(List.of(new XskRrRequest(80_000, 78_000, XskMode.INTERRUPTS, 10_000_000, 1),
                new XskRrRequest(31_250, 30_000, XskMode.THREADED_BUSY_POLL, 10_000_000, 3),
                new XskRrRequest(31_250, 0, XskMode.BUSY_POLL_SEPARATE, 10_000_000, 1)),
            fake.xskRequests);
    }

    @Test
    void the_table_runs_five_experiments_in_four_modes_with_the_seeds_periods() {
        FakeBenchService fake = new FakeBenchService();
        assertEquals(0, Cli.run(fake, "bench", "xsk-rr", "--table", "seed001", "--duration", "0.01", "--csv").code());
        assertEquals(20, fake.xskRequests.size());
        long[] periods = {80_000, 31_250, 8_000, 80_000, 40_000};
        long[] delays = {0, 30_000, 6_000, 78_000, 38_000};
        for (int i = 0; i < 20; i++) {
            XskRrRequest r = fake.xskRequests.get(i);
            assertEquals(new XskRrRequest(periods[i / 4], delays[i / 4], XskMode.values()[i % 4], 10_000_000, 1), r);
        }
    }
}
