package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /proc/sys/net/core}: defaults, handlers and bounds of kernel-interfaces.md §3.2 and
 * §9 facts 9-10, through the VirtualFs of a 6.19 host unless a row names a release.
 */
class SysctlNetCoreTest {
    private static final String CORE = "/proc/sys/net/core/";
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.bare("6.19");
    }

    @ParameterizedTest(name = "{0} defaults to {1}")
    @CsvSource({
        "busy_poll, 0", "busy_read, 0", "netdev_budget, 300", "netdev_budget_usecs, 8000", "dev_weight, 64",
        "dev_weight_rx_bias, 1", "dev_weight_tx_bias, 1", "netdev_max_backlog, 1000", "netdev_tstamp_prequeue, 1",
        "gro_normal_batch, 8", "rps_sock_flow_entries, 0", "flow_limit_table_len, 4096", "somaxconn, 4096",
    })
    void should_start_at_the_kernel_default(String name, int value) throws Exception {
        assertEquals(value + "\n", host.read(CORE + name));
    }

    @ParameterizedTest(name = "somaxconn on {0} is {1}")
    @CsvSource({"4.4, 128", "5.3, 128", "5.4, 4096"})
    void should_default_somaxconn_to_128_before_5_4(String version, int value) throws Exception {
        assertEquals(value + "\n", Host.bare(version).read(CORE + "somaxconn"));
    }

    @Test
    void should_expose_the_values_the_receive_path_reads() throws Exception {
        SysctlNetCore s = host.kernel.sysctls();
        assertEquals(300, s.netdevBudget.get());
        assertEquals(8000, s.netdevBudgetUsecs.get());
        host.write(CORE + "netdev_budget", "600\n");
        host.write(CORE + "busy_read", "50\n");
        assertEquals(600, s.netdevBudget.get());
        assertEquals(50, s.busyRead.get());
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" reads {2}")
    @CsvSource({
        "busy_poll,              50,          50",
        "busy_read,              2147483647,  2147483647",
        "netdev_budget,          -1,          -1",
        "netdev_budget,          '  0x10',    16",
        "netdev_budget,          010,         8",
        "netdev_max_backlog,     -5,          -5",
        "netdev_tstamp_prequeue, -2147483648, -2147483648",
        "rps_sock_flow_entries,  1000,        1024",
        "rps_sock_flow_entries,  32000,       32768",
        "rps_sock_flow_entries,  32768,       32768",
        "rps_sock_flow_entries,  1,           1",
        "rps_sock_flow_entries,  536870912,   536870912",
        "rps_sock_flow_entries,  0,           0",
        "flow_limit_table_len,   8192,        8192",
        "flow_limit_table_len,   1,           1",
        // is_power_of_2() on the unsigned int: INT_MIN is 0x80000000 and passes, read back signed
        "flow_limit_table_len,   -2147483648, -2147483648",
        "dev_weight,             1,           1",
        "gro_normal_batch,       1,           1",
        "somaxconn,              0,           0",
    })
    void should_store_accepted_values(String name, String input, String readBack) throws Exception {
        assertEquals(input.length() + 1, host.write(CORE + name, input + "\n"));
        assertEquals(readBack + "\n", host.read(CORE + name));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" -> EINVAL, still {2}")
    @CsvSource({
        "busy_poll,             -1,          0",
        "busy_read,             -1,          0",
        "busy_read,             2147483648,  0",
        "netdev_budget,         +5,          300",
        "netdev_budget,         12abc,       300",
        "netdev_budget,         '',          300",
        "rps_sock_flow_entries, -1,          0",
        "rps_sock_flow_entries, 536870913,   0",
        "flow_limit_table_len,  1000,        4096",
        "flow_limit_table_len,  0,           4096",
        "flow_limit_table_len,  -4,          4096",
        "dev_weight,            0,           64",
        "dev_weight,            -1,          64",
        "dev_weight_rx_bias,    0,           1",
        "dev_weight_tx_bias,    0,           1",
        "netdev_budget_usecs,   7999,        8000",
        "netdev_budget_usecs,   0,           8000",
        "gro_normal_batch,      0,           8",
        "somaxconn,             -1,          4096",
    })
    void should_reject_with_EINVAL_never_ERANGE(String name, String input, String unchanged) throws Exception {
        assertEquals(Errno.EINVAL, errno(() -> host.write(CORE + name, input + "\n")));
        assertEquals(unchanged + "\n", host.read(CORE + name));
    }

    @Test
    void should_store_the_first_of_two_values_and_report_two_bytes() throws Exception {
        assertEquals(2, host.write(CORE + "netdev_budget", "5 6\n"));
        assertEquals("5\n", host.read(CORE + "netdev_budget"));
    }

    @ParameterizedTest(name = "{0} on {1} <- \"{2}\": accepted = {3}")
    @CsvSource({
        "dev_weight,          6.13, 0,    true",
        "dev_weight,          6.14, 0,    false",
        "dev_weight,          6.13, -64,  true",
        "dev_weight_rx_bias,  6.13, 0,    true",
        "dev_weight_tx_bias,  6.19, 0,    false",
        "netdev_budget_usecs, 6.13, 0,    true",
        "netdev_budget_usecs, 6.14, 7999, false",
        "netdev_budget_usecs, 6.14, 8000, true",
    })
    void should_apply_the_6_14_minimums_by_release(String name, String version, String input, boolean accepted)
            throws Exception {
        Host h = Host.bare(version);
        if (accepted) {
            h.write(CORE + name, input);
            assertEquals(input + "\n", h.read(CORE + name));
        } else {
            assertEquals(Errno.EINVAL, errno(() -> h.write(CORE + name, input)));
        }
    }

    @ParameterizedTest(name = "{0}: {1} present = {2}")
    @CsvSource({
        "4.11, netdev_budget_usecs, false",
        "4.12, netdev_budget_usecs, true",
        "5.3,  gro_normal_batch,    false",
        "5.4,  gro_normal_batch,    true",
        "3.11, busy_poll,           true",
        "3.11, busy_read,           true",
        "3.11, netdev_budget,       true",
        "3.19, tstamp_allow_data,   false",
        "4.0,  tstamp_allow_data,   true",
        "4.4,  max_skb_frags,       false",
        "4.5,  max_skb_frags,       true",
        "4.9,  dev_weight_rx_bias,  false",
        "4.10, dev_weight_tx_bias,  true",
        "4.16, fb_tunnels_only_for_init_net, false",
        "4.17, fb_tunnels_only_for_init_net, true",
        "5.0,  high_order_alloc_disable, false",
        "5.1,  high_order_alloc_disable, true",
        "5.0,  devconf_inherit_init_net, false",
        "5.1,  devconf_inherit_init_net, true",
    })
    void should_create_rows_only_from_their_release(String version, String name, boolean present) {
        assertEquals(present, Host.bare(version).exists(CORE + name));
    }
}
