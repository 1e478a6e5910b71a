package io.netmodel.net;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;

/**
 * The RSS indirection table requests of the ethtool core: {@code ethtool_get_rxfh},
 * {@code ethtool_set_rxfh} and {@code ethtool_copy_validate_indir} in {@code net/ethtool/ioctl.c}
 * (ethtool 6.1's {@code -x}/{@code -X} use the ioctls {@code ETHTOOL_GRXRINGS},
 * {@code ETHTOOL_GRSSH}, {@code ETHTOOL_SRSSH}), and {@code ethtool_get_max_rxfh_channel}
 * ({@code net/ethtool/common.c}) that {@code -L} checks. The table and the hash key can be set
 * ({@code -X ... hkey}); the hash function is read only ({@code hfunc} is not modelled).
 */
final class EthtoolRxfh {
    private EthtoolRxfh() {
    }

    /** {@code ETHTOOL_GRXRINGS} ({@code ethtool_get_rxnfc}): EOPNOTSUPP without {@code get_rxnfc}. */
    static int rxRings(EthtoolOps ops) throws EthtoolException {
        return ops.getRxRings();
    }

    /**
     * {@code ethtool_get_rxfh}: EOPNOTSUPP without {@code get_rxfh}; the sizes come from
     * {@code get_rxfh_indir_size}/{@code get_rxfh_key_size}, the contents from {@code get_rxfh}.
     */
    static Rxfh get(EthtoolOps ops) throws EthtoolException {
        Rxfh r = ops.getRxfh();
        if (r.indirSize() != ops.getRxfhIndirSize() || r.key().length != ops.getRxfhKeySize()) {
            throw new IllegalStateException("get_rxfh returned " + r + " for indir_size "
                + ops.getRxfhIndirSize() + ", key_size " + ops.getRxfhKeySize());
        }
        return r;
    }

    /**
     * {@code ethtool_set_rxfh}: EOPNOTSUPP without {@code get_rxnfc} or {@code set_rxfh}. The table
     * is {@code indir} of the device's {@code indir_size}, empty ({@code indir_size} 0: the
     * default, {@code ethtool_rxfh_indir_default} over the ring count of {@code ETHTOOL_GRXRINGS}),
     * or null ({@code ETH_RXFH_INDIR_NO_CHANGE}); the key is {@code key} of the device's
     * {@code key_size}, or null ({@code key_size} 0: unchanged). EINVAL for another size, for
     * neither a table nor a key, or for an entry not below the ring count
     * ({@code ethtool_copy_validate_indir}). The driver's {@code set_rxfh} gets both and checks
     * on its own (a driver that takes no key: EOPNOTSUPP). After it accepted them,
     * {@code IFF_RXFH_CONFIGURED} is set for a table, cleared for the default, and left alone when
     * the table did not change (read from {@code net/ethtool/ioctl.c}; the check order recalled).
     */
    static Rxfh set(NetDeviceImpl dev, int[] indir, byte[] key) throws EthtoolException {
        EthtoolOps ops = dev.ethtoolOps();
        int rings = ops.getRxRings(); // EOPNOTSUPP without get_rxnfc, as the op check does
        int devSize = ops.getRxfhIndirSize();
        boolean reset = indir != null && indir.length == 0;
        if ((indir != null && !reset && indir.length != devSize)
                || (key != null && (key.length == 0 || key.length != ops.getRxfhKeySize()))
                || (indir == null && key == null)) {
            throw new EthtoolException(Errno.EINVAL);
        }
        int[] table = null;
        if (reset) {
            table = Rxfh.defaultTable(devSize, rings);
        } else if (indir != null) {
            for (int q : indir) {
                if (Integer.toUnsignedLong(q) >= rings) {
                    throw new EthtoolException(Errno.EINVAL); // ethtool_copy_validate_indir
                }
            }
            table = indir.clone();
        }
        ops.setRxfh(table, key == null ? null : key.clone());
        if (indir != null) {
            dev.rxfhConfigured = !reset;
        }
        return ops.getRxfh();
    }

    /**
     * {@code ethtool_get_max_rxfh_channel}: the highest queue a configured table uses, or 0 when
     * the table is not configured or the device has none. (Since 6.11 an error of {@code get_rxfh}
     * makes it {@code U32_MAX}, failing the channel change closed; the modelled drivers' tables
     * never fail to read.)
     */
    static long maxRxfhChannel(NetDeviceImpl dev, KernelProfile profile) {
        if (!dev.rxfhConfigured) {
            return 0;
        }
        EthtoolOps ops = dev.ethtoolOps();
        if (ops.getRxfhIndirSize() == 0) {
            return 0;
        }
        try {
            long max = 0;
            Rxfh r = ops.getRxfh();
            for (int i = 0; i < r.indirSize(); i++) {
                max = Math.max(max, Integer.toUnsignedLong(r.entry(i)));
            }
            return max;
        } catch (EthtoolException e) {
            return profile.has(Behaviour.ETHTOOL_RXFH_MAX_CHANNEL_EXTACK) ? 0xffff_ffffL : 0;
        }
    }
}
