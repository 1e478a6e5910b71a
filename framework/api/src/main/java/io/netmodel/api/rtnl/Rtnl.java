package io.netmodel.api.rtnl;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The model's rtnetlink link operations. Each call takes the model lock once (like RTNL), so a
 * listing is one consistent instant.
 */
@ProviderType
public interface Rtnl {
    /** Every registered link in ifindex order ({@code RTM_GETLINK} dump). */
    List<LinkInfo> links();

    /**
     * {@code dev_change_flags} with {@code IFF_UP} set or cleared ({@code dev_open}/{@code dev_close});
     * nothing happens when the device already is in that state.
     *
     * @throws RtnlException ENODEV when there is no device {@code name}
     */
    void setUp(String name, boolean up) throws RtnlException;

    /**
     * {@code dev_set_mtu_ext} ({@code IFLA_MTU}).
     *
     * @throws RtnlException ENODEV for an unknown device; EINVAL with the extack
     *     {@code mtu less than device minimum} / {@code mtu greater than device maximum}
     */
    void setMtu(String name, int mtu) throws RtnlException;
}
