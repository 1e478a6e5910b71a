package io.netmodel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.bus.NicModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --nic NAME[:COUNT]} and {@code --queues N} against the NIC catalogue. */
class HostSpecNicsTest {

    @ParameterizedTest(name = "{0}: {1}:{2}, {3} queue pairs by default, at most {4}, {5} MSI-X vectors with 2, {6} Mb/s")
    @CsvSource({
        "virtio_net, 1af4, 1041,  1, 256, 6,  -1",
        "e1000,      8086, 100e,  1,   1, 0, 1000",
        "igb,        8086, 1521,  8,   8, 3, 1000",
        "ixgbe,      8086, 10fb, 16,  64, 3, 10000",
        "mlx4_en,    15b3, 1003, 16,  64, 3, 40000",
    })
    void should_describe_each_nic_by_the_name_users_type(String name, String vendor, String device, int queues,
                                                         int max, int msixWith2, int speed) {
        NicModel m = NicModel.byName(name);
        assertEquals(name, m.driverHint());
        assertEquals(Integer.parseInt(vendor, 16), m.vendor());
        assertEquals(Integer.parseInt(device, 16), m.device());
        assertEquals(queues, m.defaultQueuePairs());
        assertEquals(max, m.maxQueuePairs());
        assertEquals(msixWith2, m.msixVectors(2));
        assertEquals(speed, m.linkSpeed());
    }

    @Test
    void should_cap_queues_at_what_each_nic_has() {
        List<HostSpec.Nic> nics = HostSpec.parseNics("e1000,ixgbe:2,igb", 12);
        assertEquals(4, nics.size());
        assertSame(NicModel.E1000, nics.get(0).model());
        assertEquals(1, nics.get(0).queuePairs());
        assertEquals(12, nics.get(1).queuePairs());
        assertEquals(12, nics.get(2).queuePairs());
        assertEquals(8, nics.get(3).queuePairs());
    }

    @Test
    void should_use_each_nics_default_without_queues() {
        List<HostSpec.Nic> nics = HostSpec.parseNics("mlx4_en,virtio_net", 0);
        assertEquals(16, nics.get(0).queuePairs());
        assertEquals(1, nics.get(1).queuePairs());
    }

    @Test
    void should_name_every_known_nic_when_refusing_one() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostSpec.parseNics("mlx4", 0));
        assertTrue(e.getMessage().contains("unknown NIC 'mlx4' (known: virtio_net, e1000, igb, ixgbe, mlx4_en, idpf, examplenic)"),
            e.getMessage());
        assertNull(NicModel.byName("mlx4"));
    }
}
