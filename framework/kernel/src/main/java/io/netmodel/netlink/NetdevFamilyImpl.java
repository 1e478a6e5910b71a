package io.netmodel.netlink;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.core.ModelLock;
import io.netmodel.net.NetdevRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link NetdevFamily} service: each request runs under the model lock. */
public final class NetdevFamilyImpl implements NetdevFamily {
    private final ModelLock lock;
    private final KernelProfile profile;
    private final NetdevGenl genl;

    public NetdevFamilyImpl(ModelLock lock, KernelProfile profile, NetdevRegistry netdevs) {
        this.lock = lock;
        this.profile = profile;
        this.genl = new NetdevGenl(profile, netdevs);
    }

    @Override
    public boolean registered() {
        return profile.has(Behaviour.NETDEV_GENL);
    }

    @Override
    public Map<String, Object> doit(String op, Map<String, Long> request) throws NetlinkException {
        Map<String, Long> copy = new LinkedHashMap<>(request);
        return lock.call(() -> genl.doit(op, copy));
    }

    @Override
    public List<Map<String, Object>> dumpit(String op, Map<String, Long> request) throws NetlinkException {
        Map<String, Long> copy = new LinkedHashMap<>(request);
        return lock.call(() -> genl.dumpit(op, copy));
    }
}
