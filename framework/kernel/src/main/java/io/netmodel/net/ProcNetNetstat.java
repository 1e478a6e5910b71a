package io.netmodel.net;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/net/netstat} ({@code net/ipv4/proc.c}, {@code netstat_seq_show}): a 0444 seq_file of
 * two header/value line pairs, TcpExt ({@code snmp4_net_list} over {@link LinuxMib}, each value
 * {@code " %lu"}) and IpExt ({@code snmp4_ipextstats_list} over the IP MIB of {@link SnmpMib},
 * {@code " %llu"}), the columns of the modelled release ({@link LinuxMib.TcpExt},
 * {@link SnmpMib.IpExt}).
 *
 * <p>No MPTcpExt pair: {@code mptcp_seq_show} prints it only with {@code CONFIG_MPTCP}, which is off
 * in the Kconfig defaults (a distribution kernel turns it on; a live 6.18 host here has it). The
 * modelled host has no MPTCP: it has no TCP sockets at all, and the MPTcpExt columns of the
 * releases before 6.18 and of 6.19 (which adds some after {@code WinProbe}) could not be
 * established, so a list printed for them would be invented.
 */
public final class ProcNetNetstat {
    private final KernelProfile profile;
    private final LinuxMib linux;
    private final SnmpMib ip;

    public ProcNetNetstat(KTree tree, KernelProfile profile, LinuxMib linux, SnmpMib ip) {
        this.profile = profile;
        this.linux = linux;
        this.ip = ip;
        tree.mkdirs("/proc/net").attr("netstat", 0444, KAttr.Flavor.PROC, this::show, null);
    }

    /** {@code netstat_seq_show}. */
    String show() {
        StringBuilder sb = new StringBuilder(4096);
        List<LinuxMib.TcpExt> tcpExt = Arrays.stream(LinuxMib.TcpExt.values()).filter(c -> c.shownBy(profile)).toList();
        MibLines.pair(sb, "TcpExt", tcpExt, c -> c.column, linux::get);
        List<SnmpMib.IpExt> ipExt = Arrays.stream(SnmpMib.IpExt.values()).filter(c -> c.shownBy(profile)).toList();
        MibLines.pair(sb.append('\n'), "IpExt", ipExt, c -> c.column, ip::get);
        return sb.append('\n').toString();
    }
}
