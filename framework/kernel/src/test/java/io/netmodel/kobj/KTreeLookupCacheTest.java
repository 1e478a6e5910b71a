package io.netmodel.kobj;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netmodel.api.vfs.Errno;
import org.junit.jupiter.api.Test;

/** KTree keeps resolved paths; every add and remove must make it forget them. */
class KTreeLookupCacheTest {
    private final KTree tree = new KTree(() -> 0L);

    @Test
    void a_removed_node_is_gone_and_a_new_one_of_the_same_name_is_found() throws Exception {
        KDir devices = tree.mkdirs("/sys/devices/virtual/net/eth0");
        tree.mkdirs("/sys/class/net").link("eth0", "/sys/devices/virtual/net/eth0");
        KNode first = tree.lookupFollow("/sys/class/net/eth0");
        assertSame(devices, first);
        assertSame(first, tree.lookupFollow("/sys/class/net/eth0"));

        tree.root().dir("sys").dir("devices").dir("virtual").dir("net").remove("eth0");
        assertEquals(Errno.ENOENT, errno(() -> tree.lookupFollow("/sys/class/net/eth0")));
        assertEquals(Errno.ENOENT, errno(() -> tree.lookup("/sys/devices/virtual/net/eth0")));

        KDir again = tree.mkdirs("/sys/devices/virtual/net/eth0");
        assertNotSame(first, again);
        assertSame(again, tree.lookupFollow("/sys/class/net/eth0"));
    }

    @Test
    void lstat_and_stat_of_a_symlink_stay_apart() throws Exception {
        tree.mkdirs("/sys/devices/virtual/net/lo");
        KLink link = tree.mkdirs("/sys/class/net").link("lo", "/sys/devices/virtual/net/lo");
        tree.lookupFollow("/sys/class/net/lo");
        assertSame(link, tree.lookup("/sys/class/net/lo"));
        assertEquals(io.netmodel.api.vfs.NodeKind.DIRECTORY, tree.lookupFollow("/sys/class/net/lo").kind());
    }

    @Test
    void more_paths_than_the_cache_holds_still_resolve() throws Exception {
        KDir net = tree.mkdirs("/sys/class/net");
        for (int i = 0; i < KTree.RESOLVED_MAX + 100; i++) {
            net.dir("eth" + i);
        }
        for (int i = 0; i < KTree.RESOLVED_MAX + 100; i++) {
            assertEquals("eth" + i, tree.lookup("/sys/class/net/eth" + i).name());
        }
        assertEquals("eth0", tree.lookup("/sys/class/net/eth0").name());
    }
}
