package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.LinkKsettings;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import org.junit.jupiter.api.Test;

/**
 * {@code virtnet_get_link_ksettings} (from 4.6): speed and duplex unknown until set, port Other,
 * no autonegotiation; before, no op, so {@code ethtool eth0} shows only the link.
 */
class VirtnetLinkSettingsTest {
    @Test
    void from_4_6_the_settings_are_unknown_on_an_other_port() throws Exception {
        DriverHost host = DriverHost.boot("4.6", 2, "virtio_net");
        host.load(new VirtioNetDriver());
        assertEquals(new LinkKsettings(LinkKsettings.SPEED_UNKNOWN, LinkKsettings.DUPLEX_UNKNOWN, LinkKsettings.PORT_OTHER,
            0, false, LinkKsettings.XCVR_INTERNAL), host.kernel().ethtool().getLinkKsettings("eth0"));
    }

    @Test
    void before_4_6_there_is_no_op() throws Exception {
        DriverHost host = DriverHost.boot("4.4", 2, "virtio_net");
        host.load(new VirtioNetDriver());
        EthtoolException e = assertThrows(EthtoolException.class, () -> host.kernel().ethtool().getLinkKsettings("eth0"));
        assertEquals(Errno.EOPNOTSUPP, e.errno());
    }
}
