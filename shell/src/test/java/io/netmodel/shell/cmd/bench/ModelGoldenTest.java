package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Same seed, same inputs: byte-identical JSON from the real model (kernel bundle in Felix, the
 * virtio_net bundle, the simulation). The golden files pin the model's current numbers, so a
 * change of the model or its calibration shows up here and is accepted deliberately
 * ({@code -Dnetmodel.updateGolden=true}).
 */
@Timeout(120)
class ModelGoldenTest {
    @Test
    void xsk_rr_json_is_byte_identical_for_a_seed() throws Exception {
        String[] args = {"bench", "xsk-rr", "--rate", "32000", "--delay", "30", "--mode", "busy-poll", "--duration", "0.05",
            "--seed", "42", "--json"};
        Cli.Result first = Cli.run(null, args);
        assertEquals(0, first.code(), first.err());
        assertEquals(first.out(), Cli.run(null, args).out(), "two runs, one output");
        Golden.check("model-xsk-rr-32k-30-busy-poll.json", first.out());
    }

    @Test
    void tcp_rr_json_is_byte_identical_for_a_seed() throws Exception {
        String[] args = {"bench", "tcp-rr", "--busy-read", "50", "--duration", "0.05", "--seed", "42", "--json"};
        Cli.Result first = Cli.run(null, args);
        assertEquals(0, first.code(), first.err());
        Golden.check("model-tcp-rr-busy-read-50.json", first.out());
    }

    @Test
    void epoll_rr_table_of_the_irq_suspension_set_ups() throws Exception {
        String[] args = {"bench", "epoll-rr", "--rate", "25000", "--setup", "all", "--duration", "0.05", "--seed", "42"};
        Cli.Result first = Cli.run(null, args);
        assertEquals(0, first.code(), first.err());
        Golden.check("model-epoll-rr-setups.txt", first.out());
        Cli.Result json = Cli.run(null, "bench", "epoll-rr", "--rate", "25000", "--setup", "suspend20", "--duration", "0.05",
            "--seed", "42", "--json");
        assertEquals(0, json.code(), json.err());
        Golden.check("model-epoll-rr-suspend20.json", json.out());
    }
}
