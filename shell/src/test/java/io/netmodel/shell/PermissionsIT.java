package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who may do what, as on a real host: with {@code --allow-other} an unprivileged user reads
 * what Linux lets them read and is refused writes that need root; without it, FUSE keeps
 * other users out entirely. Root without {@code CAP_NET_ADMIN} is refused sysfs writes
 * (EPERM), not sysctl writes.
 */
@Timeout(120)
class PermissionsIT {
    @Test
    void unprivileged_users_read_but_cannot_write() throws Exception {
        assumeOthers();
        try (RunningModel model = RunningModel.up("--allow-other")) {
            String mtu = model.file("sys/class/net/eth0/mtu").toString();
            assertEquals("1500\n", asNobody("cat " + mtu).out());
            assertEquals("0\n", asNobody("cat " + model.file("proc/sys/net/core/busy_read")).out());
            Proc.Result write = asNobody("echo 9000 > " + mtu);
            assertNotEquals(0, write.exit());
            assertTrue(write.err().contains("Permission denied"), write::toString);
            assertEquals("1500\n", Proc.run(Map.of(), "cat", mtu).out());
            assertEquals(0, Proc.sh("echo 9000 > " + mtu).exit(), "root may");
            if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
                // Root without CAP_NET_ADMIN: DAC lets it open the file, netdev_store says EPERM
                // (as the real /sys/class/net/eth0/mtu does); a sysctl needs no capability.
                Proc.Result noCap = withoutNetAdmin("echo 1500 > " + mtu);
                assertEquals(1, noCap.exit(), noCap::toString);
                assertTrue(noCap.err().contains("Operation not permitted"), noCap::toString);
                assertEquals("9000\n", Proc.run(Map.of(), "cat", mtu).out());
                String busyRead = model.file("proc/sys/net/core/busy_read").toString();
                assertEquals(0, withoutNetAdmin("echo 50 > " + busyRead).exit());
                assertEquals("50\n", Proc.run(Map.of(), "cat", busyRead).out());
            }
        }

        try (RunningModel model = RunningModel.up()) {
            Proc.Result denied = asNobody("cat " + model.file("sys/class/net/eth0/mtu"));
            assertNotEquals(0, denied.exit());
            assertTrue(denied.err().contains("Permission denied"), denied::toString);
        }
    }

    /**
     * chmod, chown and touch through the mount, as on a 6.18 host: kernfs keeps a new mode and
     * owner (and the opens follow them), /proc/sys refuses both even to root, a non-owner may
     * change nothing; the kernel's attribute cache shows each change at once.
     */
    @Test
    void modes_owners_and_times_change_as_on_a_real_host() throws Exception {
        assumeOthers();
        try (RunningModel model = RunningModel.up("--allow-other")) {
            String mtu = model.file("sys/class/net/eth0/mtu").toString();
            String busyRead = model.file("proc/sys/net/core/busy_read").toString();
            assertEquals("644 root\n", Proc.run(Map.of(), "stat", "-L", "-c", "%a %U", mtu).out());
            assertEquals(0, Proc.run(Map.of(), "chmod", "600", mtu).exit());
            assertEquals("600 root\n", Proc.run(Map.of(), "stat", "-L", "-c", "%a %U", mtu).out());
            assertTrue(asNobody("cat " + mtu).err().contains("Permission denied"));

            assertEquals(0, Proc.run(Map.of(), "chown", "nobody", mtu).exit());
            assertEquals("600 nobody\n", Proc.run(Map.of(), "stat", "-L", "-c", "%a %U", mtu).out());
            assertEquals("1500\n", asNobody("cat " + mtu).out());
            // The owner may open it for writing; netdev_store still wants CAP_NET_ADMIN.
            Proc.Result store = asNobody("echo 9000 > " + mtu);
            assertTrue(store.err().contains("Operation not permitted"), store::toString);
            assertTrue(asNobody("chmod 644 " + model.file("proc/interrupts")).err().contains("Operation not permitted"));

            Proc.Result sysctl = Proc.run(Map.of(), "chmod", "600", busyRead);
            assertEquals(1, sysctl.exit());
            assertTrue(sysctl.err().contains("Operation not permitted"), sysctl::toString);
            assertEquals("644\n", Proc.run(Map.of(), "stat", "-c", "%a", busyRead).out());

            assertEquals(0, Proc.run(Map.of(), "touch", "-m", "-d", "@5", mtu).exit());
            assertEquals("5\n", Proc.run(Map.of(), "stat", "-L", "-c", "%Y", mtu).out());
            assertEquals(0, Proc.run(Map.of(), "touch", busyRead).exit());
        }
    }

    /** What {@code up --daemon --allow-other} and switching to nobody need: FUSE, root and runuser. */
    private static void assumeOthers() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")), "runuser");
    }

    private static Proc.Result withoutNetAdmin(String script) {
        return Proc.run(Map.of(), "setpriv", "--bounding-set=-net_admin", "--inh-caps=-net_admin", "--", "bash", "-c", script);
    }

    private static Proc.Result asNobody(String script) {
        return Proc.run(Map.of(), "runuser", "-u", "nobody", "--", "bash", "-c", script);
    }
}
