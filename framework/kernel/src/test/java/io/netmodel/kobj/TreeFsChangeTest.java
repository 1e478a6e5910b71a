package io.netmodel.kobj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.core.ModelLock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TreeFs#addChangeListener}: listeners hear of every change made under the model lock,
 * once per outermost hold, after the lock is released and before the call that made it returns
 * (what fs-mount relies on to invalidate the kernel's cache before an rmmod returns).
 */
class TreeFsChangeTest {
    private final ModelLock lock = new ModelLock();
    private final KTree tree = new KTree(() -> 0L);
    private final TreeFs fs = new TreeFs(tree, lock);
    private final List<Boolean> heardWithLockHeld = new ArrayList<>();

    TreeFsChangeTest() {
        fs.addChangeListener(() -> heardWithLockHeld.add(lock.isHeldByCurrentThread()));
    }

    @Test
    void a_change_is_heard_once_after_the_outermost_release() {
        lock.call(() -> {
            tree.mkdirs("/sys/class/net/eth0");
            lock.call(() -> tree.mkdirs("/sys/class/net/eth1"));
            assertEquals(List.of(), heardWithLockHeld, "heard before the outermost release");
            return null;
        });
        assertEquals(List.of(false), heardWithLockHeld);
    }

    @Test
    void reads_and_writes_that_change_no_file_are_not_heard() throws Exception {
        lock.call(() -> tree.mkdirs("/proc/sys/net/core"));
        heardWithLockHeld.clear();
        fs.stat("/proc/sys/net/core");
        fs.readdir("/proc/sys");
        assertThrows(io.netmodel.api.vfs.VfsException.class, () -> fs.stat("/proc/sys/net/ipv4"));
        assertEquals(List.of(), heardWithLockHeld);
    }

    @Test
    void a_removal_that_throws_afterwards_is_still_heard() {
        lock.call(() -> tree.mkdirs("/sys/class/net/eth0"));
        heardWithLockHeld.clear();
        assertThrows(IllegalStateException.class, () -> lock.call(() -> {
            tree.root().dir("sys").dir("class").dir("net").remove("eth0");
            throw new IllegalStateException("the driver's remove() failed half way");
        }));
        assertEquals(List.of(false), heardWithLockHeld);
    }

    @Test
    void a_failing_listener_does_not_fail_the_change() {
        fs.addChangeListener(() -> {
            throw new IllegalStateException("listener bug");
        });
        lock.call(() -> tree.mkdirs("/sys/module/virtio_net"));
        assertEquals(List.of(false), heardWithLockHeld);
        assertFalse(lock.isHeldByCurrentThread());
    }
}
