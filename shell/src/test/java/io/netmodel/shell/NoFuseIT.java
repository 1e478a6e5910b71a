package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.fsmount.MountInfo;
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
        try (RunningModel model = RunningModel.up(Map.of("NETMODEL_DEV_FUSE", "/nonexistent/fuse"))) {
            Proc.Result up = model.upResult();
            assertTrue(up.err().contains("mount unavailable: /nonexistent/fuse does not exist"), up::toString);
            assertTrue(MountInfo.find(model.mount()).isEmpty());

            assertEquals("1500\n", model.netmodel("cat", "/sys/class/net/eth0/mtu").out());
            assertEquals(0, model.netmodel("write", "/proc/sys/net/core/busy_poll", "50").exit());
            assertEquals("50\n", model.netmodel("cat", "/proc/sys/net/core/busy_poll").out());
            Proc.Result bad = model.netmodel("write", "/sys/class/net/eth0/mtu", "70000");
            assertEquals(1, bad.exit());
            assertEquals("write: /sys/class/net/eth0/mtu: Invalid argument\n", bad.err());
            assertEquals(0, model.netmodel("rmmod", "virtio_net").exit());
            assertEquals(1, model.netmodel("cat", "/sys/class/net/eth0/mtu").exit());
            assertEquals(0, model.netmodel("modprobe", "virtio_net").exit());
            Proc.Result status = model.netmodel("status");
            assertTrue(status.out().contains("not mounted: /nonexistent/fuse does not exist"), status::toString);
        }
    }
}
