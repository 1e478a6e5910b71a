package io.netmodel.kobj;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generic file semantics of {@link TreeFs}: st_size, symlinks, offsets, and the open-time
 * permission check (kernel-interfaces.md §1.1, §1.3; fs/kernfs/file.c kernfs_fop_open,
 * fs/proc/proc_sysctl.c test_perm).
 */
class SysfsSemanticsTest {
    private static final Caller USER = new Caller(1000, 1000, 1);
    private static final String MTU = "/sys/class/net/eth0/mtu";
    private static final String BUDGET = "/proc/sys/net/core/netdev_budget";

    private Host host;
    private VirtualFs fs;

    @BeforeEach
    void boot() {
        host = Host.withEth0();
        fs = host.fs;
    }

    @ParameterizedTest(name = "stat {0}: {1} {2} size {3}")
    @CsvSource({
        "/sys/class/net/eth0/mtu,                      FILE,      0644, 4096",
        "/sys/class/net/eth0/ifindex,                  FILE,      0444, 4096",
        "/sys/class/net/eth0/ifalias,                  FILE,      0644, 4096",
        "/sys/class/net/eth0/statistics/rx_bytes,      FILE,      0444, 4096",
        "/sys/class/net/lo/mtu,                        FILE,      0644, 4096",
        "/proc/sys/net/core/netdev_budget,             FILE,      0644, 0",
        "/proc/sys/net/core/busy_poll,                 FILE,      0644, 0",
        "/proc/interrupts,                             FILE,      0444, 0",
        "/sys/class/net,                               DIRECTORY, 0755, 0",
        "/sys/class/net/eth0/statistics,               DIRECTORY, 0755, 0",
        "/proc/sys/net/core,                           DIRECTORY, -1,   0",
        "/sys/class/net/eth0,                          SYMLINK,   0777, 0",
        "/sys/class/net/eth0/device,                   SYMLINK,   0777, 0",
    })
    void should_report_kind_mode_and_st_size(String path, NodeKind kind, String mode, long size) throws Exception {
        NodeStat st = fs.stat(path);
        assertEquals(kind, st.kind());
        if (!mode.equals("-1")) {
            assertEquals(Integer.parseInt(mode, 8), st.mode(), "mode of " + path);
        }
        assertEquals(size, st.size(), "st_size of " + path);
        assertEquals(0, st.uid());
        assertEquals(0, st.gid());
    }

    @ParameterizedTest(name = "readlink {0} = {1}")
    @CsvSource({
        "/sys/class/net/eth0, ../../devices/pci0000:00/0000:00:03.0/virtio0/net/eth0",
        "/sys/class/net/lo,   ../../devices/virtual/net/lo",
        "/sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/subsystem, ../../../../../../class/net",
        "/sys/devices/virtual/net/lo/subsystem, ../../../../class/net",
        // kernfs_get_target_path names the target even when it is an ancestor of the link
        "/sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/device, ../../../virtio0",
    })
    void should_readlink_relative_as_sysfs_writes_it(String path, String target) throws Exception {
        assertEquals(target, fs.readlink(path));
    }

    @Test
    void should_resolve_the_device_link_to_the_virtio_device() throws Exception {
        assertEquals(NodeKind.DIRECTORY, fs.stat("/sys/class/net/eth0/device/net").kind());
        assertEquals(java.util.List.of("eth0"), fs.list("/sys/class/net/eth0/device/net"));
    }

    @Test
    void should_reject_readlink_of_a_regular_file_with_EINVAL() {
        assertEquals(Errno.EINVAL, errno(() -> fs.readlink(MTU)));
    }

    @Test
    void should_serve_the_rest_of_a_sysfs_value_at_an_offset() throws Exception {
        OpenFile f = fs.open(MTU, false, Caller.ROOT);
        assertEquals("1", text(f.read(0, 1)));
        assertEquals("500\n", text(f.read(1, 4096)));
        assertEquals("", text(f.read(5, 4096)));
        f.release();
        OpenFile fresh = fs.open(MTU, false, Caller.ROOT);
        assertEquals("00\n", text(fresh.read(2, 4096)));
    }

    @Test
    void should_return_eof_for_a_proc_sys_read_at_a_nonzero_offset() throws Exception {
        OpenFile f = fs.open(BUDGET, false, Caller.ROOT);
        assertEquals("3", text(f.read(0, 1)));
        assertArrayEquals(new byte[0], f.read(1, 4096));
        OpenFile fresh = fs.open(BUDGET, false, Caller.ROOT);
        assertArrayEquals(new byte[0], fresh.read(2, 4096));
        assertEquals("300\n", text(fresh.read(0, 4096)));
    }

    @Test
    void should_ignore_a_proc_sys_write_at_a_nonzero_offset_and_report_the_full_count() throws Exception {
        assertEquals(4, host.writeAt(BUDGET, "600\n", 3));
        assertEquals("300\n", host.read(BUDGET));
    }

    @Test
    void should_take_every_sysfs_write_as_a_whole_value_whatever_the_offset() throws Exception {
        assertEquals(5, host.writeAt(MTU, "9000\n", 7));
        assertEquals("9000\n", host.read(MTU));
    }

    /** kernfs_fop_write_iter takes at most a page per write(2); the caller's loop sends the rest (EINVAL here). */
    @Test
    void should_take_at_most_a_page_of_a_sysfs_write() throws Exception {
        byte[] big = new byte[5004];
        System.arraycopy("1400".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 4);
        OpenFile f = fs.open(MTU, true, Caller.ROOT);
        assertEquals(4096, f.write(big, 0));
        assertEquals("1400\n", host.read(MTU));
        assertEquals(Errno.EINVAL, errno(() -> f.write(new byte[908], 4096)));
    }

    /** proc_sys_call_handler hands the whole count over; the handler reads a page less one and reports *lenp -= left. */
    @Test
    void should_report_the_whole_count_of_a_long_proc_sys_write_it_parsed() throws Exception {
        OpenFile f = fs.open(BUDGET, true, Caller.ROOT);
        assertEquals(5001, f.write(("0" + " ".repeat(5000)).getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals("0\n", host.read(BUDGET));
    }

    /**
     * An open file outlives its node: once the device is unregistered kernfs refuses reads and writes
     * with ENODEV (kernfs_get_active), and the sysctl handler is gone: ENOENT. Nothing reaches the model.
     */
    @Test
    void should_fail_open_files_of_a_removed_device_with_ENODEV() throws Exception {
        io.netmodel.testkit.TinyDriver driver = io.netmodel.testkit.TinyDriver.plain();
        Host h = Host.with("6.19", driver);
        OpenFile mtu = h.fs.open(MTU, true, Caller.ROOT);
        OpenFile rps = h.fs.open("/sys/class/net/eth0/queues/rx-0/rps_cpus", true, Caller.ROOT);
        OpenFile defer = h.fs.open("/sys/class/net/eth0/napi_defer_hard_irqs", true, Caller.ROOT);
        h.kernel.modules().driverGone(driver);
        for (OpenFile f : new OpenFile[] {mtu, rps, defer}) {
            assertEquals(Errno.ENODEV, errno(() -> f.read(0, 4096)));
            assertEquals(Errno.ENODEV, errno(() -> f.write("1\n".getBytes(StandardCharsets.US_ASCII), 0)));
        }
    }

    /** access(2): generic_permission for sysfs (root passes read and write, not execute without an x bit), proc_sys_permission for /proc/sys. */
    @ParameterizedTest(name = "access({0}, {1}) as uid {2}: {3}")
    @CsvSource({
        "/sys/class/net/eth0/mtu,                 1, 0,    EACCES",
        "/sys/class/net/eth0/mtu,                 6, 0,    0",
        "/sys/class/net/eth0/ifindex,             2, 0,    0",
        "/sys/class/net/eth0,                     1, 0,    0",
        "/sys/class/net/eth0/mtu,                 2, 1000, EACCES",
        "/sys/class/net/eth0/mtu,                 4, 1000, 0",
        "/sys/class/net/eth0/mtu,                 0, 1000, 0",
        "/proc/sys/net/core/netdev_budget,        1, 0,    EACCES",
        "/proc/sys/net/core/netdev_budget,        6, 0,    0",
        "/proc/sys/net/core/netdev_rss_key,       2, 0,    EACCES",
        "/proc/sys/net/core/netdev_budget,        2, 1000, EACCES",
        "/proc/sys/net/core,                      1, 1000, 0",
        "/proc/interrupts,                        1, 0,    EACCES",
        "/sys/class/net/eth9/mtu,                 0, 0,    ENOENT",
    })
    void should_answer_access_like_the_kernel(String path, int mask, int uid, String expected) {
        int got = 0;
        try {
            fs.access(path, mask, uid == 0 ? Caller.ROOT : USER);
        } catch (io.netmodel.api.vfs.VfsException e) {
            got = e.errno();
        }
        assertEquals(expected.equals("0") ? 0 : Host.errnoNamed(expected), got);
    }

    @ParameterizedTest(name = "zero-byte write to {0} returns 0 and stores nothing")
    @ValueSource(strings = {MTU, BUDGET})
    void should_return_zero_for_a_zero_length_write(String path) throws Exception {
        String before = host.read(path);
        OpenFile f = fs.open(path, true, Caller.ROOT);
        assertEquals(0, f.write(new byte[0], 0));
        assertEquals(before, host.read(path));
    }

    @ParameterizedTest(name = "open {0} for write as root -> EACCES")
    @ValueSource(strings = {
        "/sys/class/net/eth0/ifindex", "/sys/class/net/eth0/operstate", "/sys/class/net/eth0/speed",
        "/sys/class/net/eth0/statistics/rx_packets", "/sys/module/tinynet/initstate",
    })
    void should_refuse_write_open_of_a_0444_file_with_EACCES_even_for_root(String path) {
        assertEquals(Errno.EACCES, errno(() -> fs.open(path, true, Caller.ROOT)));
    }

    @ParameterizedTest(name = "root writes {0} -> open succeeds, write EIO")
    @ValueSource(strings = {"/proc/interrupts", "/proc/net/dev", "/proc/net/softnet_stat", "/proc/stat"})
    void should_let_root_open_a_proc_seq_file_and_fail_the_write_with_EIO(String path) throws Exception {
        // generic_permission: root overrides DAC; pde_write (fs/proc/inode.c): no proc_write -> EIO
        String before = host.read(path);
        OpenFile f = fs.open(path, true, Caller.ROOT);
        assertEquals(Errno.EIO, errno(() -> f.write("1\n".getBytes(StandardCharsets.US_ASCII), 0)));
        f.release();
        assertEquals(before, host.read(path));
        assertEquals(Errno.EACCES, errno(() -> fs.open(path, true, USER)), "other users stop at DAC");
    }

    @ParameterizedTest(name = "non-root open {0} for write -> EACCES")
    @ValueSource(strings = {MTU, "/sys/class/net/eth0/flags", "/sys/class/net/eth0/ifalias", BUDGET,
        "/proc/sys/net/core/busy_poll"})
    void should_refuse_write_open_of_a_root_0644_file_by_another_user_with_EACCES(String path) {
        // generic_permission / test_perm: uid 1000 gets the "other" bits r--, so the open fails
        // before any store (and its CAP_NET_ADMIN check) could run.
        assertEquals(Errno.EACCES, errno(() -> fs.open(path, true, USER)));
    }

    @Test
    void should_let_another_user_read_a_0644_file() throws Exception {
        OpenFile f = fs.open(MTU, false, USER);
        assertEquals("1500\n", text(f.read(0, 4096)));
        OpenFile g = fs.open(BUDGET, false, USER);
        assertEquals("300\n", text(g.read(0, 4096)));
    }

    @ParameterizedTest(name = "{0} -> ENOENT")
    @ValueSource(strings = {"/sys/class/net/eth1", "/sys/class/net/eth0/nosuchattr", "/proc/sys/net/core/nope",
        "/nope", "relative/path"})
    void should_report_unknown_paths_with_ENOENT(String path) {
        assertEquals(Errno.ENOENT, errno(() -> fs.stat(path)));
        assertEquals(Errno.ENOENT, errno(() -> fs.open(path, false, Caller.ROOT)));
    }

    @Test
    void should_refuse_to_open_a_directory_or_list_a_file() {
        assertEquals(Errno.EISDIR, errno(() -> fs.open("/sys/class/net/eth0/statistics", false, Caller.ROOT)));
        assertEquals(Errno.ENOTDIR, errno(() -> fs.list(MTU)));
        assertEquals(Errno.ENOTDIR, errno(() -> fs.stat(MTU + "/x")));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
    /** st_nlink as a 6.18 host shows it ({@code stat -c %h}): kernfs and procfs count subdirectories, /proc/sys does not. */
    @ParameterizedTest(name = "nlink {0}")
    @CsvSource({
        "/sys/class/net/eth0/mtu,          1",
        "/sys/class/net/eth0,              1", // the class link itself
        "/sys/class/net,                   2", // links only
        "/sys/class/net/eth0/statistics,   2",
        "/proc/sys/net/core,               1",
        "/proc/sys/net,                    1",
        "/proc/sys/net/core/busy_read,     1",
    })
    void should_count_links_as_the_kernel_does(String path, int nlink) throws Exception {
        assertEquals(nlink, fs.stat(path).nlink());
    }

    @Test
    void a_directory_counts_two_and_its_subdirectories() throws Exception {
        String queues = fs.readlink("/sys/class/net/eth0").replace("../../", "/sys/") + "/queues";
        long subdirs = fs.readdir(queues).stream().filter(e -> e.kind() == NodeKind.DIRECTORY).count();
        assertEquals(2 + subdirs, fs.stat(queues).nlink(), "rx-N and tx-N under " + queues);
        assertEquals(2 + fs.readdir("/proc/irq").stream().filter(e -> e.kind() == NodeKind.DIRECTORY).count(),
            fs.stat("/proc/irq").nlink());
    }

    /** No node lists an extended attribute, as on a host nobody labelled (sysfs and /proc alike). */
    @Test
    void no_node_lists_an_extended_attribute() throws Exception {
        assertEquals(java.util.List.of(), fs.listxattr(MTU));
        assertEquals(java.util.List.of(), fs.listxattr(BUDGET));
        assertEquals(Errno.ENOENT, errno(() -> fs.listxattr("/proc/sys/net/core/nope")));
    }
}
