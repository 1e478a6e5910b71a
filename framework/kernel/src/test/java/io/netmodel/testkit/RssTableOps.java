package io.netmodel.testkit;

import io.netmodel.api.driver.DriverException;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.vfs.Errno;

/**
 * {@link ConfigNapiDriver}'s ethtool channels and RSS table, the way drivers that keep a user's
 * table do (mlx5, virtio_net with RSS): {@code size} entries filled with
 * {@code ethtool_rxfh_indir_default} over the queues in use, re-spread on a channel change unless
 * {@code netif_is_rxfh_configured}.
 */
public final class RssTableOps implements EthtoolOps {
    private final ConfigNapiDriver drv;
    private final int max;
    private int queues;
    private int[] table;
    private byte[] key;
    private boolean keyHidden;
    /** What the RSS engine hashes for UDP ({@code Rxfh.RXH_*}); the addresses unless a test says. */
    private int udpFields = Rxfh.RXH_IP_SRC | Rxfh.RXH_IP_DST;

    public RssTableOps(ConfigNapiDriver drv, int max, int queues, int size) {
        this.drv = drv;
        this.key = drv.ctx().netdevRssKeyFill(40);
        this.max = max;
        this.queues = queues;
        this.table = Rxfh.defaultTable(size, queues);
    }

    @Override
    public Channels getChannels() {
        return new Channels(0, 0, 0, max, 0, 0, 0, queues);
    }

    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        if (ch.rxCount() != 0 || ch.txCount() != 0 || ch.otherCount() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        try {
            drv.setQueues(ch.combinedCount());
        } catch (DriverException e) {
            throw new EthtoolException(e.errno());
        }
        queues = ch.combinedCount();
        if (!drv.dev.rxfhConfigured()) {
            table = Rxfh.defaultTable(table.length, queues);
        }
    }

    @Override
    public int getRxRings() {
        return queues;
    }

    @Override
    public int getRxfhIndirSize() {
        return table.length;
    }

    @Override
    public int getRxfhKeySize() {
        return keyHidden ? 0 : key.length;
    }

    @Override
    public Rxfh getRxfh() {
        return new Rxfh(table, keyHidden ? new byte[0] : key, Rxfh.ETH_RSS_HASH_TOP);
    }

    @Override
    public byte[] rssHashKey() {
        return key.clone();
    }

    /** Report no key to ethtool while hashing with one (igb through 6.19). */
    public RssTableOps keyHidden() {
        keyHidden = true;
        return this;
    }

    @Override
    public void setRxfh(int[] indir) {
        table = indir.clone();
    }

    /** A driver that takes a key as well (ixgbe's way). */
    @Override
    public void setRxfh(int[] indir, byte[] newKey) {
        if (indir != null) {
            setRxfh(indir);
        }
        if (newKey != null) {
            key = newKey.clone();
        }
    }

    @Override
    public int rssHashFields(int flowType) {
        return udpFields;
    }

    /** Hash UDP on the 4-tuple ({@code ethtool -N rx-flow-hash udp4 sdfn}, which the model does not have). */
    public RssTableOps udp4Tuple() {
        udpFields |= Rxfh.RXH_L4_B_0_1 | Rxfh.RXH_L4_B_2_3;
        return this;
    }
}
