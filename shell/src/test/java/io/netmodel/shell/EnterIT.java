package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel enter}: a script inside the namespace writes every path enter covers, through
 * the shims too; the model holds the values afterwards and the real host's files are byte for
 * byte what they were (sha256 before and after).
 */
@Timeout(300)
@org.junit.jupiter.api.extension.ExtendWith(NeedsFuse.class)
class EnterIT {
    /** Host files a tuning script writes; each must be unchanged after enter. */
    static final List<String> HOST_FILES = List.of("/proc/sys/net/core/busy_read", "/proc/sys/net/core/busy_poll",
        "/proc/sys/net/core/rps_sock_flow_entries", "/proc/sys/kernel/timer_migration",
        "/proc/sys/kernel/sched_rt_runtime_us", "/proc/sys/kernel/sched_rt_period_us",
        "/sys/devices/system/cpu/smt/control", "/sys/devices/virtual/workqueue/cpumask",
        "/sys/devices/virtual/workqueue/writeback/cpumask", "/sys/devices/virtual/workqueue/blkcg_punt_bio/cpumask",
        "/sys/class/net/lo/mtu", "/sys/class/net/eth0/mtu", "/sys/class/net/eth0/napi_defer_hard_irqs",
        "/sys/class/net/eth0/gro_flush_timeout", "/sys/class/net/eth0/threaded",
        "/sys/class/net/eth0/queues/rx-0/rps_cpus", "/proc/irq/default_smp_affinity");

    private static RunningModel model;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Proc.run(Map.of(), "unshare", "--mount", "--propagation", "private", "true").exit() == 0,
            "this machine does not allow private mount namespaces (unshare --mount)");
        model = RunningModel.up("--cpus", "8");
    }

    @AfterAll
    static void down() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    /** sha256 of each host file that exists (a missing one maps to "absent"). */
    static Map<String, String> snapshot(List<String> files) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String f : files) {
            Path p = Path.of(f);
            if (!Files.exists(p)) {
                sums.put(f, "absent");
                continue;
            }
            try {
                byte[] data = readWhole(p);
                sums.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
            } catch (java.io.IOException e) {
                sums.put(f, "unreadable: " + e.getMessage());
            }
        }
        return sums;
    }

    /**
     * The whole file as {@code cat} reads it: 64 KiB reads from offset 0 until EOF. (Not
     * {@code Files.readAllBytes}: for a file of st_size 0 it reads one byte first, and a /proc/sys
     * file gives EOF at any offset after 0.)
     */
    static byte[] readWhole(Path p) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String cat(String rel) throws Exception {
        return new String(readWhole(model.file(rel)), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void a_script_inside_writes_the_model_and_never_the_host() throws Exception {
        Map<String, String> before = snapshot(HOST_FILES);
        String script = String.join("\n",
            "set -u",
            "echo 0 > /sys/class/net/eth0/threaded",
            "echo 100 > /sys/class/net/eth0/napi_defer_hard_irqs",
            "echo 15000 > /sys/class/net/eth0/gro_flush_timeout",
            "echo 9000 > /sys/class/net/eth0/mtu",
            "echo 4 > /sys/class/net/eth0/queues/rx-0/rps_cpus",
            "echo 400 > /proc/sys/net/core/busy_read",
            "echo 0 > /proc/sys/net/core/rps_sock_flow_entries",
            "echo 0 > /proc/sys/kernel/timer_migration",
            "echo -1 > /proc/sys/kernel/sched_rt_runtime_us",
            "echo 3 > /sys/devices/virtual/workqueue/cpumask",
            "echo 7e > /sys/devices/virtual/workqueue/writeback/cpumask",
            "echo 1,2,3,4,5,6 > /sys/devices/virtual/workqueue/blkcg_punt_bio/cpumask 2>/dev/null && exit 90",
            "echo off > /sys/devices/system/cpu/smt/control 2>/dev/null && exit 91",  // notsupported: ENODEV
            "irq=$(awk '/virtio0-input.0/ {sub(\":\", \"\", $1); print $1}' /proc/interrupts)",
            "echo 2 > /proc/irq/$irq/smp_affinity_list",
            "grep -q eth0 /proc/net/dev || exit 92",
            "test $(wc -l < /proc/net/softnet_stat) -eq 8 || exit 93",
            // the model's Ip InReceives (no traffic yet), not the host's
            "test \"$(awk '/^Ip:/ {n++; if (n == 2) print $4}' /proc/net/snmp)\" = 0 || exit 89",
            // the model's IpExt InOctets (no traffic yet) and no MPTcpExt, not the host's
            "test \"$(awk '/^IpExt:/ {n++; if (n == 2) print $8}' /proc/net/netstat)\" = 0 || exit 88",
            "grep -q MPTcpExt /proc/net/netstat && exit 87",
            // the model's 8 CPUs as one view on a host of any size (lxcfs #731)
            "test \"$(cat /sys/devices/system/cpu/online)\" = 0-7 || exit 86",
            "test \"$(nproc --all)\" = 8 || exit 85",
            "test $(ls -d /sys/devices/system/cpu/cpu[0-9]* | wc -l) -eq 8 || exit 84",
            "test \"$(cat /sys/devices/system/node/node0/cpulist)\" = 0-7 || exit 83",
            "echo 0 > /sys/devices/system/cpu/cpu7/online || exit 82",  // the model's CPU 7 goes down
            "test \"$(cat /sys/devices/system/cpu/offline)\" = 7 || exit 78",
            // the model's PCI functions only, with the ids irqbalance classifies them by
            "test \"$(ls /sys/bus/pci/devices)\" = 0000:00:03.0 || exit 81",
            "test \"$(cat /sys/bus/pci/devices/0000:00:03.0/subsystem_vendor)\" = 0x1af4 || exit 80",
            "test \"$(modinfo -F name virtio_net)\" = virtio_net || exit 79",  // the model's modinfo, not the host's
            "sysctl -w net.core.busy_poll=50 >/dev/null || exit 94",
            "ip link set dev lo mtu 1500 || exit 95",
            "ip link set dev eth0 down || exit 96",
            "test \"$(cat /sys/class/net/eth0/operstate)\" = down || exit 97",
            "exit 42");
        Proc.Result r = model.netmodel("enter", "--", "sh", "-c", script);
        assertEquals(42, r.exit(), r::toString);

        assertEquals("0\n", cat("sys/class/net/eth0/threaded"));
        assertEquals("100\n", cat("sys/class/net/eth0/napi_defer_hard_irqs"));
        assertEquals("15000\n", cat("sys/class/net/eth0/gro_flush_timeout"));
        assertEquals("9000\n", cat("sys/class/net/eth0/mtu"));
        assertEquals("7\n", cat("sys/devices/system/cpu/offline"));
        assertEquals("04\n", cat("sys/class/net/eth0/queues/rx-0/rps_cpus"));
        assertEquals("400\n", cat("proc/sys/net/core/busy_read"));
        assertEquals("50\n", cat("proc/sys/net/core/busy_poll"));
        assertEquals("0\n", cat("proc/sys/kernel/timer_migration"));
        assertEquals("-1\n", cat("proc/sys/kernel/sched_rt_runtime_us"));
        assertEquals("03\n", cat("sys/devices/virtual/workqueue/cpumask"));
        assertEquals("7e\n", cat("sys/devices/virtual/workqueue/writeback/cpumask"));
        assertEquals("ff\n", cat("sys/devices/virtual/workqueue/blkcg_punt_bio/cpumask"));
        assertEquals("notsupported\n", cat("sys/devices/system/cpu/smt/control"));
        assertEquals("1500\n", cat("sys/class/net/lo/mtu"));
        assertEquals("down\n", cat("sys/class/net/eth0/operstate"));
        assertTrue(Files.readString(model.file("proc/interrupts")).contains("virtio0-input.0"));

        assertEquals(before, snapshot(HOST_FILES), "the real host's files changed");
    }

    @Test
    void the_exit_code_of_the_command_is_returned_and_a_missing_model_is_an_error() {
        assertEquals(7, model.netmodel("enter", "--", "sh", "-c", "exit 7").exit());
        Proc.Result none = Proc.netmodel(Map.of(Instance.ENV_MOUNT, "/nonexistent/netmodel-enter"), "enter", "--", "true");
        assertEquals(1, none.exit(), none::toString);
        assertTrue(none.err().contains("no model is running"), none::toString);
    }

    @Test
    void sudo_finds_the_shims_inside() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")), "sudo is not installed");
        Proc.Result r = model.netmodel("enter", "--", "sh", "-c",
            "sudo sysctl -n net.core.somaxconn && sudo sh -c 'command -v ip'");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("4096\n/usr/local/sbin/ip\n"), r::toString);
    }
}
