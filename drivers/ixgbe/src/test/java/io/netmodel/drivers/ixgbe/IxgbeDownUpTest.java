package io.netmodel.drivers.ixgbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down/up} on ixgbe: {@code ixgbe_close} frees the queue vectors and the
 * "other" one, {@code ixgbe_open} requests them again; the NAPIs stay. ixgbe never adopted
 * {@code netif_napi_add_config}, so their ids survive through 6.12 and are new at every up from 6.13.
 */
class IxgbeDownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"4.4", "6.12", "6.13", "6.18"})
    void every_line_goes_at_down_and_comes_back_at_up(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 4, "ixgbe", new IxgbeDriver());
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0-TxRx-2", "eth0-TxRx-3", "eth0"), r.irqsUp());
        assertEquals(List.of(), r.irqsDown(), "ixgbe_free_irq frees the other vector last");
        r.assertIrqsBack();
        assertEquals(4, r.napisDown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4", "6.12"})
    void ids_stay_before_6_13(String kernel) throws Exception {
        DownUp.run(kernel, 4, "ixgbe", new IxgbeDriver()).assertIdsKept();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.13", "6.18"})
    void ids_are_new_at_every_up_from_6_13(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 4, "ixgbe", new IxgbeDriver());
        assertEquals(List.of(257, 258, 259, 260), r.idsUp());
        assertEquals(List.of(261, 262, 263, 264), r.idsUpAgain());
    }
}
