package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.vfs.Errno;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ethtool core's checks before a driver is called (net/ethtool/{rings,channels,coalesce}.c). */
class EthtoolValidationTest {
    /** A driver that records what it was asked to apply. */
    static final class Fake implements EthtoolOps {
        Ringparam ring = new Ringparam(4096, 0, 0, 4096, 256, 0, 0, 256);
        Channels ch = new Channels(0, 0, 1, 4, 0, 0, 1, 2);
        Coalesce co = Coalesce.zero().with(CoalesceParam.RX_USECS, 3);
        int calls;

        @Override public Ringparam getRingparam() { return ring; }
        @Override public void setRingparam(Ringparam r) { calls++; ring = r; }
        @Override public Channels getChannels() { return ch; }
        @Override public void setChannels(Channels c) { calls++; ch = c; }
        @Override public int supportedCoalesceParams() { return CoalesceParam.USECS | CoalesceParam.USE_ADAPTIVE_RX.bit(); }
        @Override public Coalesce getCoalesce() { return co; }
        @Override public void setCoalesce(Coalesce c) { calls++; co = c; }
    }

    @SafeVarargs
    static <K> Map<K, Long> req(Object... kv) {
        Map<K, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked") K k = (K) kv[i];
            m.put(k, ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    static void assertErrno(int errno, String extack, Object attr, org.junit.jupiter.api.function.Executable call) {
        EthtoolException e = assertThrows(EthtoolException.class, call);
        assertEquals(errno, e.errno());
        assertEquals(extack, e.extack());
        assertEquals(attr, e.badAttr());
    }

    @Test
    void missing_ops_are_eopnotsupp() {
        EthtoolOps none = new EthtoolOps() { };
        assertErrno(Errno.EOPNOTSUPP, null, null, () -> EthtoolRings.set(none, req(RingSize.RX, 1)));
        assertErrno(Errno.EOPNOTSUPP, null, null, () -> EthtoolChannels.set(none, req(ChannelParam.COMBINED, 1)));
        assertErrno(Errno.EOPNOTSUPP, null, null, () -> EthtoolCoalesce.set(none, req(CoalesceParam.RX_USECS, 1)));
    }

    @Test
    void rings_above_maximum_change_nothing() throws Exception {
        Fake f = new Fake();
        Ringparam before = f.ring;
        assertErrno(Errno.EINVAL, "requested ring size exceeds maximum", RingSize.TX,
            () -> EthtoolRings.set(f, req(RingSize.RX, 512, RingSize.TX, 5000)));
        assertErrno(Errno.EINVAL, "requested ring size exceeds maximum", RingSize.RX_MINI,
            () -> EthtoolRings.set(f, req(RingSize.RX_MINI, 1)));
        assertSame(before, f.ring);
        assertEquals(0, f.calls);
        assertEquals(512, EthtoolRings.set(f, req(RingSize.RX, 512)).rxPending());
        EthtoolRings.set(f, req(RingSize.RX, 512)); // unchanged: the driver is not called
        assertEquals(1, f.calls);
    }

    @Test
    void channels_rules() throws Exception {
        Fake f = new Fake();
        assertErrno(Errno.EINVAL, "requested channel count exceeds maximum", ChannelParam.RX,
            () -> EthtoolChannels.set(f, req(ChannelParam.RX, 1)));
        assertErrno(Errno.EINVAL, "requested channel count exceeds maximum", ChannelParam.COMBINED,
            () -> EthtoolChannels.set(f, req(ChannelParam.COMBINED, 5)));
        assertErrno(Errno.EINVAL, "requested channel counts would result in no RX or TX channel being configured",
            ChannelParam.COMBINED, () -> EthtoolChannels.set(f, req(ChannelParam.COMBINED, 0)));
        assertEquals(0, f.calls);
        assertEquals(4, EthtoolChannels.set(f, req(ChannelParam.COMBINED, 4)).combinedCount());
    }

    @Test
    void no_rx_channel_points_at_rx_when_combined_was_not_modified() {
        Fake f = new Fake();
        f.ch = new Channels(4, 4, 0, 4, 1, 1, 0, 0);
        assertErrno(Errno.EINVAL, "requested channel counts would result in no RX or TX channel being configured",
            ChannelParam.RX, () -> EthtoolChannels.set(f, req(ChannelParam.RX, 0)));
        assertErrno(Errno.EINVAL, "requested channel counts would result in no RX or TX channel being configured",
            ChannelParam.TX, () -> EthtoolChannels.set(f, req(ChannelParam.TX, 0)));
    }

    @Test
    void unsupported_coalesce_parameter_refuses_the_whole_request() throws Exception {
        Fake f = new Fake();
        assertErrno(Errno.EINVAL, "cannot modify an unsupported parameter", CoalesceParam.RX_MAX_FRAMES,
            () -> EthtoolCoalesce.set(f, req(CoalesceParam.RX_USECS, 50, CoalesceParam.RX_MAX_FRAMES, 8)));
        assertEquals(3, f.co.rxCoalesceUsecs());
        assertEquals(0, f.calls);
        Coalesce c = EthtoolCoalesce.set(f, req(CoalesceParam.RX_USECS, 50, CoalesceParam.USE_ADAPTIVE_RX, 1));
        assertEquals(50, c.rxCoalesceUsecs());
        assertEquals(true, c.useAdaptiveRxCoalesce());
    }
}
