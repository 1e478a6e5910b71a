package io.netmodel.drivers.mlx4_en;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down/up} on mlx4_en: {@code mlx4_en_close} stops the port, deactivating
 * every RX CQ ({@code napi_disable}, {@code netif_napi_del}), and {@code mlx4_en_open} activates
 * them again ({@code netif_napi_add}, {@code napi_enable}): the NAPIs exist only while eth0 is up.
 * Before 6.13 each up hashes new NAPIs under new ids; from 6.13 {@code netif_napi_add_config} gives
 * each ring's id back. mlx4_core's EQ IRQs stay.
 */
class Mlx4DownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"4.4", "6.12", "6.13", "6.18"})
    void the_napis_go_and_the_eq_irqs_stay(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 4, "mlx4_en", new Mlx4EnDriver());
        assertEquals(0, r.napisDown(), "mlx4_en_deactivate_cq deletes the NAPIs");
        assertEquals(r.irqsUp(), r.irqsDown(), "mlx4_core keeps the EQs' IRQs");
        r.assertIrqsBack();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.5", "6.12"})
    void before_6_13_every_up_gives_new_ids(String kernel) throws Exception {
        DownUp.run(kernel, 4, "mlx4_en", new Mlx4EnDriver()).assertIdsNew();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.13", "6.18"})
    void from_6_13_the_config_gives_the_ids_back(String kernel) throws Exception {
        DownUp.run(kernel, 4, "mlx4_en", new Mlx4EnDriver()).assertIdsKept();
    }
}
