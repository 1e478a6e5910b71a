package io.netmodel.net;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.BitSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code queues/rx-N/rps_cpus} and {@code rps_flow_cnt} (kernel-interfaces.md §2.6, §9 facts 10-11):
 * {@code store_rps_map} and {@code store_rps_dev_flow_table_cnt}, read back through the tree and
 * through the queue object the receive path uses. 2-CPU host unless said otherwise.
 */
class QueueSysfsRxTest {
    private static final String RX0 = "/sys/class/net/eth0/queues/rx-0/";
    private static final Caller USER = new Caller(1000, 1000, 1);

    private Host host;

    @BeforeEach
    void boot() {
        host = Host.withEth0();
    }

    private RxQueue rx0() {
        return host.kernel.netdevs().byName("eth0").rxQueues().get(0);
    }

    @ParameterizedTest(name = "rps_cpus <- \"{0}\" reads {1}")
    @CsvSource({"1, 1", "2\\n, 2", "3, 3", "00000003, 3", "' 1', 1", "',2', 2", "0, 0"})
    void should_store_the_rps_mask_and_report_the_full_count(String input, String expected) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(RX0 + "rps_cpus", text));
        assertEquals(expected + "\n", host.read(RX0 + "rps_cpus"));
        assertEquals(Bitmap.parse(bytes(expected), 2), rx0().rpsCpus());
    }

    @ParameterizedTest(name = "rps_cpus <- \"{0}\" disables RPS")
    @ValueSource(strings = {"\n", " ", ",", "0\n"})
    void should_disable_rps_with_an_empty_mask(String input) throws Exception {
        host.write(RX0 + "rps_cpus", "3");
        assertEquals(input.length(), host.write(RX0 + "rps_cpus", input));
        assertEquals("0\n", host.read(RX0 + "rps_cpus"));
        assertEquals(new BitSet(), rx0().rpsCpus());
    }

    @ParameterizedTest(name = "rps_cpus <- \"{0}\" -> {1}, mask unchanged")
    @CsvSource({"4, EOVERFLOW", "f, EOVERFLOW", "'1,0', EOVERFLOW", "123456789, EOVERFLOW", "x, EINVAL",
        "0x1, EINVAL", "-1, EINVAL", "1 x, EINVAL", "3;, EINVAL"})
    void should_reject_bad_masks_and_keep_the_old_one(String input, String expected) throws Exception {
        host.write(RX0 + "rps_cpus", "2");
        assertEquals(errnoNamed(expected), errno(() -> host.write(RX0 + "rps_cpus", input)));
        assertEquals("2\n", host.read(RX0 + "rps_cpus"));
        assertEquals(Bitmap.ofLong(2), rx0().rpsCpus());
    }

    @Test
    void should_size_rps_cpus_by_nr_cpu_ids() throws Exception {
        Host big = Host.with("6.19", 40, TinyDriver.plain());
        assertEquals("00,00000000\n", big.read(RX0 + "rps_cpus"));
        big.write(RX0 + "rps_cpus", "ff,ffffffff\n");
        assertEquals("ff,ffffffff\n", big.read(RX0 + "rps_cpus"));
        assertEquals(Errno.EOVERFLOW, errno(() -> big.write(RX0 + "rps_cpus", "100,00000000")));
        big.write(RX0 + "rps_cpus", "1,0");
        assertEquals("01,00000000\n", big.read(RX0 + "rps_cpus"));

        Host one = Host.with("6.19", 1, TinyDriver.plain());
        assertEquals("0\n", one.read(RX0 + "rps_cpus"));
        assertEquals(Errno.EOVERFLOW, errno(() -> one.write(RX0 + "rps_cpus", "2")));
    }

    @ParameterizedTest(name = "rps_flow_cnt <- \"{0}\" reads {1}")
    @CsvSource({"1000, 1024", "1024\\n, 1024", "1025, 2048", "1, 1", "2, 2", "3, 4", "0x10, 16", "010, 8", "0, 0",
        "32768, 32768", "4294967295, 4294967296", "4294967296, 4294967296", "+5, 8"})
    void should_round_rps_flow_cnt_up_to_a_power_of_two(String input, String expected) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(RX0 + "rps_flow_cnt", text));
        assertEquals(expected + "\n", host.read(RX0 + "rps_flow_cnt"));
        assertEquals(Long.parseLong(expected), rx0().rpsFlowCnt());
    }

    @ParameterizedTest(name = "rps_flow_cnt <- \"{0}\" -> {1}, size unchanged")
    @CsvSource({"4294967297, EINVAL", "18446744073709551615, EINVAL", "9223372036854775809, EINVAL", "-1, EINVAL",
        "' 1', EINVAL", "1k, EINVAL", "08, EINVAL", "'', EINVAL", "18446744073709551616, ERANGE"})
    void should_reject_bad_flow_counts(String input, String expected) throws Exception {
        host.write(RX0 + "rps_flow_cnt", "256");
        assertEquals(errnoNamed(expected), errno(() -> host.write(RX0 + "rps_flow_cnt", input.isEmpty() ? "\n" : input)));
        assertEquals("256\n", host.read(RX0 + "rps_flow_cnt"));
    }

    @Test
    void should_free_the_flow_table_with_0() throws Exception {
        host.write(RX0 + "rps_flow_cnt", "4096");
        host.write(RX0 + "rps_flow_cnt", "0\n");
        assertEquals("0\n", host.read(RX0 + "rps_flow_cnt"));
        assertEquals(0, rx0().rpsFlowCnt());
    }

    @ParameterizedTest(name = "{0} by a caller without CAP_NET_ADMIN -> EPERM before parsing")
    @ValueSource(strings = {"rps_cpus", "rps_flow_cnt"})
    void should_check_the_capability_first(String name) throws Exception {
        KAttr a = (KAttr) host.kernel.tree().lookupFollow(RX0 + name);
        assertEquals(Errno.EPERM, errno(() -> a.store(bytes("1"), USER)));
        assertEquals(Errno.EPERM, errno(() -> a.store(bytes("junk"), USER)));
        assertEquals(Errno.EINVAL, errno(() -> a.store(bytes("junk"), Caller.ROOT)));
        assertEquals("0\n", a.show());
    }

    @Test
    void should_keep_each_queue_and_each_device_apart() throws Exception {
        Host mq = Host.with("6.19", TinyDriver.multiqueue(2, 2));
        mq.write("/sys/class/net/eth0/queues/rx-1/rps_cpus", "1");
        mq.write("/sys/class/net/lo/queues/rx-0/rps_cpus", "2");
        assertEquals("0\n", mq.read(RX0 + "rps_cpus"));
        assertEquals("1\n", mq.read("/sys/class/net/eth0/queues/rx-1/rps_cpus"));
        assertEquals("2\n", mq.read("/sys/class/net/lo/queues/rx-0/rps_cpus"));
        assertEquals(Bitmap.ofLong(1), mq.kernel.netdevs().byName("eth0").rxQueues().get(1).rpsCpus());
    }

    @Test
    void should_not_let_the_simulation_change_the_mask_through_its_copy() throws Exception {
        host.write(RX0 + "rps_cpus", "1");
        rx0().rpsCpus().set(1);
        assertEquals("1\n", host.read(RX0 + "rps_cpus"));
    }
}
