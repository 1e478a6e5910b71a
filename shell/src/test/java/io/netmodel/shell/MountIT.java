package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.fsmount.MountInfo;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The walking skeleton as a user drives it: {@code ./netmodel up --daemon}, then real
 * {@code cat}, {@code sh -c 'echo ... > ...'}, {@code bash}, {@code test -e} processes against
 * the mount, and {@code netmodel rmmod/modprobe/lsmod/down} from other processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(NeedsFuse.class)
class MountIT {
    private static final Pattern INPUT_ROW = Pattern.compile(
        "(?m)^ {1,2}\\d{2,3}: +\\d+ +\\d+ PCI-MSIX-0000:00:03\\.0 +1-edge +virtio0-input\\.0$");
    private static RunningModel model;

    @BeforeAll
    static void up() throws Exception {
        model = RunningModel.up();
    }

    @AfterAll
    static void down() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    private static String file(String rel) {
        return model.file(rel).toString();
    }

    @Test
    @Order(1)
    void cat_reads_mtu_1500() {
        Proc.Result r = model.cat("sys/class/net/eth0/mtu");
        assertEquals("1500\n", r.out(), r::toString);
    }

    @Test
    @Order(2)
    void echo_sets_mtu_and_a_bad_value_is_refused_without_change() {
        assertEquals(0, Proc.sh("echo 9000 > " + file("sys/class/net/eth0/mtu")).exit());
        assertEquals("9000\n", model.cat("sys/class/net/eth0/mtu").out());
        Proc.Result bad = Proc.bash("echo 70000 > " + file("sys/class/net/eth0/mtu"));
        assertNotEquals(0, bad.exit());
        assertTrue(bad.err().contains("Invalid argument"), bad::toString);
        assertEquals("9000\n", model.cat("sys/class/net/eth0/mtu").out());
    }

    @Test
    @Order(3)
    void busy_read_persists() {
        assertEquals(0, Proc.sh("echo 50 > " + file("proc/sys/net/core/busy_read")).exit());
        assertEquals("50\n", model.cat("proc/sys/net/core/busy_read").out());
        Proc.Result neg = Proc.bash("echo -1 > " + file("proc/sys/net/core/busy_read"));
        assertTrue(neg.err().contains("Invalid argument"), neg::toString);
        assertEquals("50\n", model.cat("proc/sys/net/core/busy_read").out());
    }

    @Test
    @Order(4)
    void proc_interrupts_has_the_virtio_rows_in_kernel_layout() {
        String text = model.cat("proc/interrupts").out();
        assertTrue(text.startsWith("           CPU0       CPU1       \n"), text);
        assertTrue(INPUT_ROW.matcher(text).find(), text);
        assertTrue(text.contains("-edge      virtio0-config\n"), text);
        assertTrue(text.contains("-edge      virtio0-output.0\n"), text);
    }

    @Test
    @Order(5)
    void rmmod_removes_eth0_and_its_irqs_before_returning_and_modprobe_restores_them() {
        // The kernel caches these attributes (and, below, the miss) for a day: the rmmod and
        // modprobe must make it forget them before they return. (A stat(2) right after a read
        // asks us again, since the read marked atime stale: the first test -e caches them.)
        String devMtu = file("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu");
        assertEquals(0, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        Proc.Result rm = model.netmodel("rmmod", "virtio_net");
        assertEquals(0, rm.exit(), rm::toString);
        assertEquals(1, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        assertEquals(1, Proc.run(Map.of(), "test", "-e", file("sys/class/net/eth0")).exit());
        assertFalse(model.cat("proc/interrupts").out().contains("virtio0"));
        assertEquals("Module                  Size  Used by\n", model.netmodel("lsmod").out());

        Proc.Result mp = model.netmodel("modprobe", "virtio_net");
        assertEquals(0, mp.exit(), mp::toString);
        assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());
        assertEquals(0, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        assertTrue(INPUT_ROW.matcher(model.cat("proc/interrupts").out()).find());
        assertTrue(model.netmodel("lsmod").out().matches("(?s)Module {18}Size  Used by\nvirtio_net +\\d+  0\n"));
        // the same for scripts
        String lsmod = model.netmodel("lsmod", "--json").out();
        assertTrue(lsmod.matches("(?s)\\[\\s*\\{\\s*\"name\": \"virtio_net\",\\s*\"size\": \\d+,\\s*\"refcnt\": 0,\\s*"
            + "\"state\": \"live\".*\\]\n"), lsmod);
        String status = model.netmodel("status", "--json").out();
        assertTrue(status.matches("(?s)\\{.*\"modules\": \\[\\s*\"virtio_net\"\\s*\\].*\\}\n"), status);
        assertTrue(model.netmodel("dmesg", "--json").out().matches("(?s)\\[\\s*\"\\[ *\\d+\\.\\d+\\] .*\\]\n"));
    }

    @Test
    @Order(6)
    void unbind_takes_one_device_from_its_driver_and_bind_gives_it_back() {
        // After the rmmod test: eth0 is back, and its files cached by the kernel again.
        String drv = "sys/bus/virtio/drivers/virtio_net/";
        String devMtu = file("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu");
        assertEquals(0, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        assertEquals(0, Proc.sh("echo virtio0 > " + file(drv + "unbind")).exit());
        assertEquals(1, Proc.run(Map.of(), "test", "-e", devMtu).exit(), "gone before the write returned");
        assertFalse(model.cat("proc/interrupts").out().contains("virtio0"));
        assertTrue(model.netmodel("lsmod").out().contains("virtio_net"), "the module stays");
        Proc.Result again = Proc.bash("echo virtio0 > " + file(drv + "unbind"));
        assertTrue(again.err().contains("No such device"), again::toString);
        Proc.Result cat = model.cat(drv + "bind");
        assertTrue(cat.err().contains("Permission denied"), cat::toString);

        assertEquals(0, Proc.sh("echo virtio0 > " + file(drv + "bind")).exit());
        assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());
        assertTrue(INPUT_ROW.matcher(model.cat("proc/interrupts").out()).find());
        Proc.Result busy = Proc.bash("echo virtio0 > " + file(drv + "bind"));
        assertTrue(busy.err().contains("Device or resource busy"), busy::toString);
    }

    @Test
    @Order(7)
    void remove_unplugs_the_function_and_rescan_finds_it_again() {
        String fn = file("sys/bus/pci/devices/0000:00:03.0");
        String devMtu = file("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu");
        assertEquals(0, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        assertEquals(0, Proc.sh("echo 1 > " + fn + "/remove").exit());
        assertEquals(1, Proc.run(Map.of(), "test", "-e", fn).exit(), "gone before the write returned");
        assertEquals(1, Proc.run(Map.of(), "test", "-e", devMtu).exit());
        Proc.Result bad = Proc.bash("echo maybe > " + file("sys/bus/pci/rescan"));
        assertTrue(bad.err().contains("Invalid argument"), bad::toString);
        assertEquals(0, Proc.sh("echo 1 > " + file("sys/bus/pci/rescan")).exit());
        assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());
        assertEquals(0, Proc.run(Map.of(), "test", "-e", devMtu).exit());
    }

    @Test
    @Order(8)
    void errors_read_like_the_real_tools() {
        Proc.Result foo = model.netmodel("modprobe", "foo");
        assertEquals(1, foo.exit());
        assertTrue(foo.err().startsWith("modprobe: FATAL: Module foo not found"), foo::toString);
        Proc.Result e1000 = model.netmodel("rmmod", "e1000");
        assertEquals(1, e1000.exit());
        assertEquals("rmmod: ERROR: Module e1000 is not currently loaded\n", e1000.err());
        Proc.Result removed = model.netmodel("modprobe", "--remove", "virtio_net");
        assertEquals(0, removed.exit(), removed::toString);
        Proc.Result weight = model.netmodel("modprobe", "virtio_net", "napi_weight=lots");
        assertEquals(1, weight.exit());
        assertEquals("modprobe: ERROR: could not insert 'virtio_net': Invalid argument\n", weight.err());
        assertEquals(0, model.netmodel("modprobe", "virtio_net").exit());
    }

    @Test
    @Order(9)
    void a_file_stat_again_is_answered_from_the_kernels_cache_and_a_cat_costs_five_upcalls() {
        String mtu = "sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu";
        assertEquals("-rw-r--r-- 4096\n", Proc.run(Map.of(), "stat", "-c", "%A %s", file(mtu)).out());
        long[] before = upcalls();
        assertEquals("-rw-r--r-- 4096\n", Proc.run(Map.of(), "stat", "-c", "%A %s", file(mtu)).out());
        assertEquals(0, upcalls()[0] - before[0], "a second stat reached the model");
        model.cat(mtu);
        before = upcalls();
        model.cat(mtu);
        // open, read, read (EOF), release, and the getattr of cat's fstat: a read marks atime
        // stale (fuse_invalidate_atime in fs/fuse/file.c) on any writable FUSE mount.
        assertEquals(5, upcalls()[1] - before[1], "upcalls for one cat");
    }

    /**
     * What {@code stat}, {@code stat -f} and {@code listxattr} show, as on this 6.18 host: link
     * counts by the kernel's rules (kernfs 2 and its subdirectories, /proc/sys 1), 4096-byte
     * blocks, no extended attributes; and a write still costs no extra upcall for them.
     */
    @Test
    @Order(9)
    void stat_statfs_and_listxattr_read_as_the_kernels() {
        assertEquals("4\n", Proc.run(Map.of(), "stat", "-L", "-c", "%h", file("sys/class/net/eth0/queues")).out());
        assertEquals("2 1 1\n", Proc.run(Map.of(), "stat", "-c", "%h", file("sys/class/net"),
            file("proc/sys/net/core"), file("proc/sys/net/core/busy_read")).out().replace('\n', ' ').strip() + "\n");
        assertEquals("4096 4096 255\n", Proc.run(Map.of(), "stat", "-f", "-c", "%s %S %l", file("sys")).out());
        Proc.Result xattrs = Proc.run(Map.of(), "python3", "-c", "import os,sys; print([os.listxattr(f) for f in sys.argv[1:]])",
            file("sys/class/net/eth0/mtu"), file("proc/sys/net/core/busy_read"));
        assertEquals("[[], []]\n", xattrs.out(), xattrs::toString);
        long[] before = upcalls();
        assertEquals(0, Proc.sh("echo 1500 > " + file("sys/class/net/eth0/mtu")).exit());
        assertEquals(6, upcalls()[1] - before[1], "upcalls for one echo: getattr, readlink (the class link), truncate (O_TRUNC), open, write, release");
    }

    /** {getattr, total} from {@code netmodel status --fuse-counters}. */
    private static long[] upcalls() {
        String line = model.netmodel("status", "--fuse-counters").out();
        java.util.regex.Matcher g = Pattern.compile("getattr=(\\d+)").matcher(line);
        java.util.regex.Matcher t = Pattern.compile("total=(\\d+)").matcher(line);
        assertTrue(g.find() && t.find(), line);
        return new long[] {Long.parseLong(g.group(1)), Long.parseLong(t.group(1))};
    }

    @Test
    @Order(10)
    void up_on_a_mount_point_in_use_says_so_and_exits_1() {
        Proc.Result again = model.netmodel("up", "--daemon");
        assertEquals(1, again.exit(), again::toString);
        assertTrue(again.err().contains("already in use by a running model"), again::toString);
    }

    @Test
    @Order(11)
    void a_killed_model_leaves_a_mount_that_the_next_up_cleans() throws Exception {
        Instance inst = Instance.resolve(model.mount());
        long pid = Long.parseLong(Files.readString(inst.pidFile()).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        assertTrue(MountInfo.find(model.mount()).isPresent(), "SIGKILL leaves the mount behind");
        assertNotEquals(0, model.cat("sys/class/net/eth0/mtu").exit());

        Proc.Result up = model.netmodel("up", "--daemon");
        assertEquals(0, up.exit(), up::toString);
        assertTrue(up.out().contains("removed a stale mount"), up::toString);
        assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());
    }

    @Test
    @Order(12)
    void down_unmounts_before_returning() {
        Proc.Result r = model.down();
        assertEquals(0, r.exit(), r::toString);
        assertFalse(MountInfo.find(model.mount()).isPresent());
        assertEquals(3, model.netmodel("status").exit());
    }
}
