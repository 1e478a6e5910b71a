package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.KAttr;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order of checks in the net-sysfs store paths (kernel-interfaces.md §2.2, §9 facts 2-3):
 * capability, parse, alive, setter; carrier's EOPNOTSUPP before the capability. The stores are
 * called on the attribute directly, because TreeFs already refuses a non-root writer at open
 * (EACCES), as Linux does for a root-owned 0644 file; EPERM is what a caller that got past
 * DAC without CAP_NET_ADMIN sees.
 */
class NetSysfsCheckOrderTest {
    private static final Caller USER = new Caller(1000, 1000, 1);

    private static KAttr attr(Host host, String dev, String name) throws VfsException {
        return (KAttr) host.kernel.tree().lookupFollow("/sys/class/net/" + dev + "/" + name);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} by a caller without CAP_NET_ADMIN -> EPERM before parsing")
    @ValueSource(strings = {"mtu", "flags", "tx_queue_len", "netdev_group", "ifalias", "gro_flush_timeout",
        "napi_defer_hard_irqs", "threaded"})
    void should_check_the_capability_before_parsing(String name) throws Exception {
        Host host = Host.withEth0();
        KAttr a = attr(host, "eth0", name);
        assertEquals(Errno.EPERM, errno(() -> a.store(b("not-a-number"), USER)));
        assertEquals(Errno.EPERM, errno(() -> a.store(b("1"), USER)));
        if (!name.equals("ifalias")) { // ifalias stores text verbatim: no parser to reach
            assertEquals(Errno.EINVAL, errno(() -> a.store(b(" 1"), Caller.ROOT)),
                "root gets as far as the parser");
        }
    }

    @ParameterizedTest(name = "carrier by uid {0} -> EOPNOTSUPP first")
    @ValueSource(ints = {0, 1000})
    void should_refuse_carrier_before_the_capability_check(int uid) throws Exception {
        KAttr carrier = attr(Host.withEth0(), "eth0", "carrier");
        assertEquals(Errno.EOPNOTSUPP, errno(() -> carrier.store(b("x"), new Caller(uid, uid, 1))));
    }

    @ParameterizedTest(name = "{0}: netdev_store on a dead device -> {1}")
    @CsvSource({"6.19, ENODEV", "6.15, ENODEV", "6.14, zero-byte write", "5.10, zero-byte write"})
    void should_report_a_dead_device_by_release(String version, String outcome) throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with(version, driver);
        KAttr mtu = attr(host, "eth0", "mtu");
        KAttr gro = attr(host, "eth0", "gro_flush_timeout");
        host.kernel.modules().driverGone(driver);

        if (outcome.equals("ENODEV")) {
            assertEquals(Errno.ENODEV, errno(() -> mtu.store(b("9000"), Caller.ROOT)));
        } else {
            assertEquals(0, mtu.store(b("9000"), Caller.ROOT));
        }
        // netdev_lock_store: a dead device is a silent zero-byte write on every release
        assertEquals(0, gro.store(b("1000"), Caller.ROOT));
        // ... and the parse still comes first
        assertEquals(Errno.EINVAL, errno(() -> mtu.store(b("x"), Caller.ROOT)));
        // netdev_show: a device that is not alive reads as EINVAL
        assertEquals(Errno.EINVAL, errno(mtu::show));
    }
}
