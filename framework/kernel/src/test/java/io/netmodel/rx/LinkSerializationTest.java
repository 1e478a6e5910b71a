package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkSerializationTest {
    @Test
    void a_frame_takes_its_bits_plus_preamble_fcs_and_gap_at_the_link_speed() {
        assertEquals((66 + 24) * 8, SimHost.serializationNs(66, 1000)); // TCP_RR's frame on e1000: 720 ns
        assertEquals((442 + 24) * 8 / 10, SimHost.serializationNs(442, 10_000)); // xsk_rr's on ixgbe: 372 ns
        assertEquals(18, SimHost.serializationNs(442, 200_000)); // on idpf's 200G
    }

    @Test
    void short_frames_are_padded_to_the_ethernet_minimum() {
        assertEquals((60 + 24) * 8, SimHost.serializationNs(43, 1000));
        assertEquals(SimHost.serializationNs(1, 1000), SimHost.serializationNs(60, 1000));
    }

    @Test
    void a_device_without_a_known_speed_adds_nothing() {
        assertEquals(0, SimHost.serializationNs(1500, -1)); // virtio_net: SPEED_UNKNOWN
        assertEquals(0, SimHost.serializationNs(1500, 0));
    }
}
