package io.netmodel.drivers.e1000;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down/up} on e1000: {@code e1000_close} frees the legacy line, so the
 * {@code eth0} action leaves {@code /proc/interrupts} and {@code e1000_open} requests it again; the
 * NAPI added at probe stays, keeps its id through 6.12 (hashed by {@code netif_napi_add}) and gets a
 * new one at every {@code napi_enable} from 6.13 (e1000 has no {@code netif_napi_add_config}).
 */
class E1000DownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"4.5", "6.12"})
    void before_6_13_the_line_goes_and_the_id_stays(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 2, "e1000", new E1000Driver());
        assertEquals(List.of("eth0"), r.irqsUp());
        assertEquals(List.of(), r.irqsDown(), "e1000_free_irq");
        r.assertIrqsBack();
        assertEquals(1, r.napisDown());
        r.assertIdsKept();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.13", "6.18"})
    void from_6_13_every_up_gives_a_new_id(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 2, "e1000", new E1000Driver());
        assertEquals(List.of(), r.irqsDown());
        r.assertIrqsBack();
        assertEquals(List.of(257), r.idsUp());
        assertEquals(List.of(258), r.idsUpAgain());
    }
}
