package io.netmodel.drivers.examplenic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver kit's example: its {@code ndo_stop} frees both IRQs, its {@code ndo_open} takes them again. */
class ExampleNicDownUpTest {
    @Test
    void the_lines_follow_the_device_and_the_id_stays_before_6_13() throws Exception {
        DownUp r = DownUp.run("6.12", 2, "examplenic", new ExampleNicDriver());
        assertEquals(List.of("eth0-rx", "eth0-tx"), r.irqsUp());
        assertEquals(List.of(), r.irqsDown());
        r.assertIrqsBack();
        r.assertIdsKept();
    }

    @Test
    void from_6_13_every_up_gives_a_new_id() throws Exception {
        DownUp.run("6.18", 2, "examplenic", new ExampleNicDriver()).assertIdsNew();
    }
}
