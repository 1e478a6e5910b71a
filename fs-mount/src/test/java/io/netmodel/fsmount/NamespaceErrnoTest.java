package io.netmodel.fsmount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Errno;
import org.junit.jupiter.api.Test;

/** The errno table of {@link NamespaceErrno}, as a 6.18 host answers (NamespaceOpsIT runs the tools). */
class NamespaceErrnoTest {
    @Test
    void sysfs_refuses_a_new_file_with_eacces_and_everything_else_with_eperm() {
        assertEquals(Errno.EACCES, NamespaceErrno.create("/sys/class/net/eth0/new"));
        assertEquals(Errno.EPERM, NamespaceErrno.makeName("/sys/class/net/foo"));
        assertEquals(Errno.EPERM, NamespaceErrno.remove("/sys/class/net/eth0/mtu"));
    }

    @Test
    void procfs_finds_no_new_name_and_proc_sys_refuses_removal_with_eacces() {
        assertEquals(Errno.ENOENT, NamespaceErrno.create("/proc/sys/net/core/new"));
        assertEquals(Errno.ENOENT, NamespaceErrno.makeName("/proc/irq/foo"));
        assertEquals(Errno.EACCES, NamespaceErrno.remove("/proc/sys/net/core/busy_poll"));
        assertEquals(Errno.EACCES, NamespaceErrno.remove("/proc/sys"));
        assertEquals(Errno.EPERM, NamespaceErrno.remove("/proc/interrupts"));
        assertEquals(Errno.EPERM, NamespaceErrno.remove("/proc/system"));
        assertEquals(Errno.EACCES, NamespaceErrno.create("/procedure"), "not under /proc: as sysfs");
    }
}
