package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/snmp} ({@code net/ipv4/proc.c}, {@code snmp_seq_show}): a 0444 seq_file of
 * header/value line pairs, Ip ({@code snmp_seq_show_ipstats}), Icmp ({@code icmp_put}), IcmpMsg
 * ({@code icmpmsg_put}), Tcp and Udp and UdpLite ({@code snmp_seq_show_tcp_udp}), each value
 * {@code " %lu"} (MaxConn {@code " %ld"}). The counters are the kernel's ({@link SnmpMib}); the
 * columns follow the release: Ip {@code OutTransmits} (6.7), Icmp {@code OutRateLimitGlobal}
 * and {@code OutRateLimitHost} (6.3), Udp {@code IgnoredMulti} (3.19) and {@code MemErrors}
 * (5.11); {@code InCsumErrors} (3.10) predates every modelled release.
 *
 * <p>IcmpMsg lists the ICMP types whose in or out counter is non-zero and is left out when
 * there is none ({@code icmpmsg_put} prints nothing for count 0); the model neither sends nor
 * receives ICMP, so it never appears.
 */
public final class ProcNetSnmp {
    /**
     * Ip Forwarding: {@code IPV4_DEVCONF_ALL(net, FORWARDING) ? 1 : 2}; the model's host does not
     * forward ({@code net.ipv4.ip_forward} defaults to 0 and is not in the mount), so 2, "not
     * forwarding" in RFC 1213's terms.
     */
    static final int FORWARDING_OFF = 2;
    /** Ip DefaultTTL: {@code net.ipv4.ip_default_ttl}, default {@code IPDEFTTL} = 64. */
    static final int IPDEFTTL = 64;
    /** {@code icmpmibmap}: the ICMP types Icmp shows as In/Out columns, in its order. */
    private static final String[] ICMP_TYPES = {"DestUnreachs", "TimeExcds", "ParmProbs", "SrcQuenchs",
        "Redirects", "Echos", "EchoReps", "Timestamps", "TimestampReps", "AddrMasks", "AddrMaskReps"};

    private final KernelProfile profile;
    private final SnmpMib mib;

    public ProcNetSnmp(KTree tree, KernelProfile profile, SnmpMib mib) {
        this.profile = profile;
        this.mib = mib;
        tree.mkdirs("/proc/net").attr("snmp", 0444, KAttr.Flavor.PROC, this::show, null);
    }

    /** {@code snmp_seq_show}. */
    String show() {
        StringBuilder sb = new StringBuilder(1600);
        ipstats(sb);
        icmp(sb);
        tcp(sb);
        udp(sb, "Udp", false);
        udp(sb, "UdpLite", true);
        return sb.append('\n').toString();
    }

    /** {@code snmp_seq_show_ipstats}: Forwarding and DefaultTTL, then {@code snmp4_ipstats_list}. */
    private void ipstats(StringBuilder sb) {
        List<SnmpMib.Ip> cols = new ArrayList<>(List.of(SnmpMib.Ip.values()));
        if (!profile.has(Behaviour.SNMP_IP_OUT_TRANSMITS)) {
            cols.remove(SnmpMib.Ip.OUTPKTS);
        }
        sb.append("Ip: Forwarding DefaultTTL");
        cols.forEach(c -> sb.append(' ').append(c.column));
        sb.append("\nIp: ").append(FORWARDING_OFF).append(' ').append(IPDEFTTL);
        cols.forEach(c -> sb.append(' ').append(mib.get(c)));
    }

    /** {@code icmp_put}; no IcmpMsg (see the class comment). */
    private void icmp(StringBuilder sb) {
        boolean rateLimit = profile.has(Behaviour.SNMP_ICMP_OUT_RATE_LIMIT);
        sb.append("\nIcmp: InMsgs InErrors InCsumErrors");
        for (String t : ICMP_TYPES) {
            sb.append(" In").append(t);
        }
        sb.append(rateLimit ? " OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost" : " OutMsgs OutErrors");
        for (String t : ICMP_TYPES) {
            sb.append(" Out").append(t);
        }
        sb.append("\nIcmp: ").append(mib.get(SnmpMib.Icmp.INMSGS)).append(' ').append(mib.get(SnmpMib.Icmp.INERRORS))
            .append(' ').append(mib.get(SnmpMib.Icmp.CSUMERRORS));
        sb.append(" 0".repeat(ICMP_TYPES.length)); // icmpmsg in-counters: no ICMP in the model
        sb.append(' ').append(mib.get(SnmpMib.Icmp.OUTMSGS)).append(' ').append(mib.get(SnmpMib.Icmp.OUTERRORS));
        if (rateLimit) {
            sb.append(' ').append(mib.get(SnmpMib.Icmp.RATELIMITGLOBAL)).append(' ')
                .append(mib.get(SnmpMib.Icmp.RATELIMITHOST));
        }
        sb.append(" 0".repeat(ICMP_TYPES.length));
    }

    /** The Tcp half of {@code snmp_seq_show_tcp_udp}; MaxConn is signed (RFC 2012). */
    private void tcp(StringBuilder sb) {
        MibLines.pair(sb.append('\n'), "Tcp", List.of(SnmpMib.Tcp.values()), c -> c.column, mib::get);
    }

    /** The Udp and UdpLite halves of {@code snmp_seq_show_tcp_udp}: the same MIB, two counter sets. */
    private void udp(StringBuilder sb, String group, boolean lite) {
        List<SnmpMib.Udp> cols = new ArrayList<>(List.of(SnmpMib.Udp.values()));
        if (!profile.has(Behaviour.SNMP_UDP_MEM_ERRORS)) {
            cols.remove(SnmpMib.Udp.MEMERRORS);
        }
        if (!profile.has(Behaviour.SNMP_UDP_IGNORED_MULTI)) {
            cols.remove(SnmpMib.Udp.IGNOREDMULTI);
        }
        MibLines.pair(sb.append('\n'), group, cols, c -> c.column, c -> lite ? mib.getUdpLite(c) : mib.get(c));
    }
}
