package io.netmodel.drivers.igb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down/up} on igb: {@code igb_close} frees every vector, the "other" one
 * ({@code eth0}) included, and {@code igb_open} requests them again; the q_vectors' NAPIs stay.
 * Their ids survive through 6.12, are new at every up on 6.13-6.15 and come back from 6.16, when igb
 * adds them with {@code netif_napi_add_config} ({@link IgbHistory#NAPI_CONFIG}).
 */
class IgbDownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.13", "6.16", "6.18"})
    void every_line_goes_at_down_and_comes_back_at_up(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 4, "igb", new IgbDriver());
        assertEquals(List.of("eth0", "eth0-rx-0", "eth0-rx-1", "eth0-rx-2", "eth0-rx-3", "eth0-tx-0",
            "eth0-tx-1", "eth0-tx-2", "eth0-tx-3"), r.irqsUp());
        assertEquals(List.of(), r.irqsDown(), "igb_free_irq frees the other vector too");
        r.assertIrqsBack();
        assertEquals(8, r.napisDown(), "the q_vectors' NAPIs stay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.16", "6.18"})
    void ids_are_kept_before_6_13_and_with_napi_config(String kernel) throws Exception {
        DownUp.run(kernel, 4, "igb", new IgbDriver()).assertIdsKept();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.13", "6.15"})
    void ids_are_new_from_6_13_until_igb_has_napi_config(String kernel) throws Exception {
        DownUp.run(kernel, 4, "igb", new IgbDriver()).assertIdsNew();
    }
}
