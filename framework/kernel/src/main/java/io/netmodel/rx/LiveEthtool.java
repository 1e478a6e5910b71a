package io.netmodel.rx;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.core.Kernel;
import java.util.EnumMap;
import java.util.Map;

/**
 * eth0's ethtool settings on the running model ({@code -l}, {@code -g}, {@code -c}), each null
 * when the driver lacks the op. Replayed on a simulated host with {@code -L}, {@code -G},
 * {@code -C} in that order (a channel change may reset the others, as idpf's soft reset does),
 * through the same ethtool core and driver checks.
 */
record LiveEthtool(Channels channels, Ringparam rings, Coalesce coalesce, int supportedCoalesce, int[] rssIndir) {
    private static final String DEV = "eth0";

    static LiveEthtool capture(Kernel live) {
        var e = live.ethtool();
        Channels ch = null;
        Ringparam ring = null;
        Coalesce co = null;
        int supported = 0;
        try {
            ch = e.getChannels(DEV);
        } catch (EthtoolException ignored) {
            // no get_channels: nothing to copy
        }
        try {
            ring = e.getRingparam(DEV);
        } catch (EthtoolException ignored) {
            // no get_ringparam
        }
        try {
            co = e.getCoalesce(DEV);
            supported = e.supportedCoalesceParams(DEV);
        } catch (EthtoolException ignored) {
            // no get_coalesce
        }
        int[] indir = null;
        if (live.netdevs().byName(DEV).rxfhConfigured()) {
            try {
                indir = e.getRxfh(DEV).indir(); // ethtool -X: the table goes with the channels
            } catch (EthtoolException ignored) {
                // configured once, since lost its table op: nothing to copy
            }
        }
        return new LiveEthtool(ch, ring, co, supported, indir);
    }

    void applyTo(SimHost h) {
        var e = h.kernel.ethtool();
        try {
            if (channels != null) {
                Map<ChannelParam, Long> req = new EnumMap<>(ChannelParam.class);
                for (ChannelParam p : ChannelParam.values()) {
                    if (channels.max(p) > 0) {
                        req.put(p, (long) channels.get(p));
                    }
                }
                e.setChannels(DEV, req);
            }
            if (rssIndir != null) {
                e.setRxfhIndir(DEV, rssIndir);
            }
            if (rings != null) {
                Map<RingSize, Long> req = new EnumMap<>(RingSize.class);
                for (RingSize p : RingSize.values()) {
                    if (rings.max(p) > 0) {
                        req.put(p, (long) rings.get(p));
                    }
                }
                e.setRingparam(DEV, req);
            }
            if (coalesce != null) {
                Map<CoalesceParam, Long> req = new EnumMap<>(CoalesceParam.class);
                for (CoalesceParam p : CoalesceParam.values()) {
                    if ((supportedCoalesce & p.bit()) != 0) {
                        req.put(p, coalesce.get(p));
                    }
                }
                e.setCoalesce(DEV, req);
            }
        } catch (EthtoolException ex) {
            throw new IllegalStateException(h.name + ": ethtool on eth0: " + ex.getMessage(), ex);
        }
        h.resync(); // a channel or ring change may have rebuilt eth0's NAPIs and IRQs
    }

    void describe(Map<String, String> out) {
        if (channels != null) {
            StringBuilder sb = new StringBuilder();
            for (ChannelParam p : ChannelParam.values()) {
                if (channels.max(p) > 0) {
                    sb.append(sb.length() == 0 ? "" : " ").append(p.ethtoolName()).append(' ').append(channels.get(p));
                }
            }
            out.put("eth0.ethtool.channels", sb.toString());
        }
        if (rssIndir != null) {
            int[] perQueue = new int[java.util.Arrays.stream(rssIndir).max().orElse(0) + 1];
            for (int q : rssIndir) {
                perQueue[q]++;
            }
            StringBuilder sb = new StringBuilder("entries per queue");
            for (int n : perQueue) {
                sb.append(' ').append(n);
            }
            out.put("eth0.ethtool.rxfh-indir", sb.append(" (ethtool -X)").toString());
        }
        if (rings != null) {
            out.put("eth0.ethtool.rings", "rx " + rings.rxPending() + " tx " + rings.txPending());
        }
        if (coalesce != null) {
            StringBuilder sb = new StringBuilder();
            for (CoalesceParam p : CoalesceParam.values()) {
                if ((supportedCoalesce & p.bit()) != 0) {
                    sb.append(sb.length() == 0 ? "" : " ").append(p.ethtoolName()).append(' ')
                        .append(p.isFlag() ? (coalesce.get(p) != 0 ? "on" : "off") : Long.toString(coalesce.get(p)));
                }
            }
            out.put("eth0.ethtool.coalesce", sb.toString());
        }
    }
}
