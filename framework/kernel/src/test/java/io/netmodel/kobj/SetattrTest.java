package io.netmodel.kobj;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * chmod, chown and utimensat on the tree (KSetattr): what kernfs, /proc/sys and the other
 * /proc files accept, and who may. The refusals were checked on a 6.18 host (as root and as
 * nobody, on files whose mode the check could not change).
 */
class SetattrTest {
    private static final Caller ROOT = Caller.ROOT;
    private static final Caller USER = new Caller(1000, 1000, 1);
    private static final String MTU = "/sys/class/net/eth0/mtu";
    private static final String BUSY_READ = "/proc/sys/net/core/busy_read";
    private static final String INTERRUPTS = "/proc/interrupts";

    private VirtualFs fs;

    @BeforeEach
    void boot() {
        fs = Host.withEth0().fs;
    }

    @Test
    void root_chmods_a_sysfs_attribute_and_the_mode_then_rules_opens() throws Exception {
        fs.chmod(MTU, 0444, ROOT);
        assertEquals(0444, fs.stat(MTU).mode());
        // kernfs_fop_open: no write bit at all -> EACCES even for root.
        assertEquals(Errno.EACCES, errno(() -> fs.open(MTU, true, ROOT)));
        fs.chmod(MTU, 0602, ROOT);
        fs.open(MTU, true, USER).release();                // others may write now
        assertEquals(Errno.EACCES, errno(() -> fs.open(MTU, false, USER)));
        fs.open(MTU, false, ROOT).release();               // root: some read bit is enough (0602 has one)
    }

    @Test
    void chown_gives_the_owner_bits_to_the_new_owner() throws Exception {
        fs.chmod(MTU, 0600, ROOT);
        assertEquals(Errno.EACCES, errno(() -> fs.open(MTU, false, USER)));
        fs.chown(MTU, 1000, -1, ROOT);
        NodeStat st = fs.stat(MTU);
        assertEquals(1000, st.uid());
        assertEquals(0, st.gid());
        fs.open(MTU, true, USER).release();
        // the owner may chmod it now, and chgrp it to their own group only
        fs.chmod(MTU, 0640, USER);
        fs.chown(MTU, -1, 1000, USER);
        assertEquals(1000, fs.stat(MTU).gid());
        assertEquals(Errno.EPERM, errno(() -> fs.chown(MTU, -1, 0, USER)));
        assertEquals(Errno.EPERM, errno(() -> fs.chown(MTU, 0, -1, USER)));   // giving it away needs CAP_CHOWN
        fs.chown(MTU, 1000, -1, USER);                                         // a no-op by the owner passes
    }

    @Test
    void a_non_owner_may_change_nothing() {
        assertEquals(Errno.EPERM, errno(() -> fs.chmod(MTU, 0666, USER)));
        assertEquals(Errno.EPERM, errno(() -> fs.chown(MTU, 1000, -1, USER)));
        assertEquals(Errno.EPERM, errno(() -> fs.chmod(INTERRUPTS, 0444, USER)));
        assertEquals(Errno.EPERM, errno(() -> fs.utimens(MTU, 5_000_000_000L, 5_000_000_000L, USER)));
        // both times "now": write permission would do, and 0644 gives others none
        assertEquals(Errno.EACCES, errno(() -> fs.utimens(MTU, VirtualFs.UTIME_NOW, VirtualFs.UTIME_NOW, USER)));
    }

    @Test
    void proc_sys_refuses_mode_and_owner_even_to_root_but_takes_times() throws Exception {
        assertEquals(Errno.EPERM, errno(() -> fs.chmod(BUSY_READ, 0644, ROOT)));
        assertEquals(Errno.EPERM, errno(() -> fs.chown(BUSY_READ, 0, 0, ROOT)));
        assertEquals(Errno.EPERM, errno(() -> fs.chmod("/proc/sys/net/core", 0555, ROOT)));
        fs.utimens(BUSY_READ, 5_000_000_000L, 5_000_000_000L, ROOT);
        NodeStat st = fs.stat(BUSY_READ);
        assertEquals(5_000_000_000L, st.atimeNanos());
        assertEquals(5_000_000_000L, st.mtimeNanos());
        assertEquals(0644, st.mode());
    }

    @Test
    void other_proc_files_keep_a_new_mode() throws Exception {
        fs.chmod(INTERRUPTS, 0400, ROOT);
        assertEquals(0400, fs.stat(INTERRUPTS).mode());
        assertEquals(Errno.EACCES, errno(() -> fs.open(INTERRUPTS, false, USER)));
    }

    @Test
    void touch_m_leaves_atime_and_moves_ctime() throws Exception {
        NodeStat before = fs.stat(MTU);
        fs.utimens(MTU, VirtualFs.UTIME_OMIT, 7_000_000_000L, ROOT);
        NodeStat after = fs.stat(MTU);
        assertEquals(before.atimeNanos(), after.atimeNanos());
        assertEquals(7_000_000_000L, after.mtimeNanos());
    }

    @Test
    void a_symlink_is_chowned_itself() throws Exception {
        fs.chown("/sys/class/net/eth0", 1000, 1000, ROOT);
        assertEquals(1000, fs.stat("/sys/class/net/eth0").uid());
        assertEquals(0, fs.stat(MTU).uid());
    }
}
