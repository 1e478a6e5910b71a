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
 * ({@code net/ethtool/common.c}) that {@code -L} checks. The hash key and function are read only
 * here: {@code -X hkey}/{@code hfunc} are not modelled.
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
     * {@code ethtool_set_rxfh} with a new table ({@code indir_size} = the device's) or the default
     * ({@code indir_size} 0): EOPNOTSUPP without {@code get_rxnfc} or {@code set_rxfh}; EINVAL
     * for another size; the ring count from {@code ETHTOOL_GRXRINGS}; each entry must be below it
     * ({@code ethtool_copy_validate_indir}: EINVAL); the default is
     * {@code ethtool_rxfh_indir_default} over that count. After the driver accepted it,
     * {@code IFF_RXFH_CONFIGURED} is set for a table and cleared for the default.
     */
    static Rxfh set(NetDeviceImpl dev, int[] indir) throws EthtoolException {
        EthtoolOps ops = dev.ethtoolOps();
        int rings = ops.getRxRings(); // EOPNOTSUPP without get_rxnfc, as the op check does
        int devSize = ops.getRxfhIndirSize();
        boolean reset = indir.length == 0;
        if (!reset && indir.length != devSize) {
            throw new EthtoolException(Errno.EINVAL);
        }
        int[] table;
        if (reset) {
            table = Rxfh.defaultTable(devSize, rings);
        } else {
            for (int q : indir) {
                if (Integer.toUnsignedLong(q) >= rings) {
                    throw new EthtoolException(Errno.EINVAL); // ethtool_copy_validate_indir
                }
            }
            table = indir.clone();
        }
        ops.setRxfh(table);
        dev.rxfhConfigured = !reset;
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
