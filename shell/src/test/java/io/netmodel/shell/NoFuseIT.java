package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.fsmount.MountInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without FUSE ({@code $NETMODEL_DEV_FUSE} pointing at a missing device node), {@code up} says
 * why there is no mount, and the model and its control socket still work.
 */
@Timeout(120)
class NoFuseIT {
    @Test
    void up_without_fuse_explains_and_the_model_still_answers() throws Exception {
        Path mnt = Files.createTempDirectory("netmodel-nofuse");
        Map<String, String> env = Map.of(Instance.ENV_MOUNT, mnt.toString(), "NETMODEL_DEV_FUSE", "/nonexistent/fuse");
        Proc.Result up = Proc.netmodel(env, "up", "--daemon");
        try {
            assertEquals(0, up.exit(), up::toString);
            assertTrue(up.err().contains("mount unavailable: /nonexistent/fuse does not exist"), up::toString);
            assertTrue(MountInfo.find(mnt).isEmpty());

            assertEquals("1500\n", Proc.netmodel(env, "cat", "/sys/class/net/eth0/mtu").out());
            assertEquals(0, Proc.netmodel(env, "write", "/proc/sys/net/core/busy_poll", "50").exit());
            assertEquals("50\n", Proc.netmodel(env, "cat", "/proc/sys/net/core/busy_poll").out());
            Proc.Result bad = Proc.netmodel(env, "write", "/sys/class/net/eth0/mtu", "70000");
            assertEquals(1, bad.exit());
            assertEquals("write: /sys/class/net/eth0/mtu: Invalid argument\n", bad.err());
            assertEquals(0, Proc.netmodel(env, "rmmod", "virtio_net").exit());
            assertEquals(1, Proc.netmodel(env, "cat", "/sys/class/net/eth0/mtu").exit());
            assertEquals(0, Proc.netmodel(env, "modprobe", "virtio_net").exit());
            Proc.Result status = Proc.netmodel(env, "status");
            assertTrue(status.out().contains("not mounted: /nonexistent/fuse does not exist"), status::toString);
        } finally {
            assertEquals(0, Proc.netmodel(env, "down").exit());
        }
    }
}
