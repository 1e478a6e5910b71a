package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;

/**
 * The host's SNMP counters, {@code net->mib} ({@code include/net/netns/mib.h}): the IP, ICMP,
 * TCP, UDP and UDP-Lite MIBs {@code /proc/net/snmp} shows ({@link ProcNetSnmp}), and the IP MIB's
 * other fields, which {@code /proc/net/netstat} shows as IpExt. One set for the
 * host: network namespaces are not modelled, and the per-CPU halves the kernel folds
 * ({@code snmp_fold_field}) are one counter here. The receive path moves them where the
 * kernel does ({@code __IP_INC_STATS}, {@code __UDP_INC_STATS}); only the counters something
 * in the model moves have callers, the rest stay 0, as they would on a host that sends nothing.
 */
public final class SnmpMib {
    /** {@code IPSTATS_MIB_*} in {@code snmp4_ipstats_list} order, with the column each prints as. */
    public enum Ip {
        INPKTS("InReceives"), INHDRERRORS("InHdrErrors"), INADDRERRORS("InAddrErrors"),
        OUTFORWDATAGRAMS("ForwDatagrams"), INUNKNOWNPROTOS("InUnknownProtos"), INDISCARDS("InDiscards"),
        INDELIVERS("InDelivers"), OUTREQUESTS("OutRequests"), OUTDISCARDS("OutDiscards"),
        OUTNOROUTES("OutNoRoutes"), REASMTIMEOUT("ReasmTimeout"), REASMREQDS("ReasmReqds"), REASMOKS("ReasmOKs"),
        REASMFAILS("ReasmFails"), FRAGOKS("FragOKs"), FRAGFAILS("FragFails"), FRAGCREATES("FragCreates"),
        /** {@code OutTransmits}, from 6.7 ({@code Behaviour#SNMP_IP_OUT_TRANSMITS}). */
        OUTPKTS("OutTransmits");

        public final String column;

        Ip(String column) {
            this.column = column;
        }
    }

    /**
     * The {@code IPSTATS_MIB_*} counters of the same IP MIB that {@code /proc/net/netstat} shows as
     * IpExt ({@link ProcNetNetstat}), in {@code snmp4_ipextstats_list} order, each with the
     * {@link Behaviour} that added its column (null: before 3.11).
     */
    public enum IpExt {
        INNOROUTES("InNoRoutes", null), INTRUNCATEDPKTS("InTruncatedPkts", null), INMCASTPKTS("InMcastPkts", null),
        OUTMCASTPKTS("OutMcastPkts", null), INBCASTPKTS("InBcastPkts", null), OUTBCASTPKTS("OutBcastPkts", null),
        INOCTETS("InOctets", null), OUTOCTETS("OutOctets", null), INMCASTOCTETS("InMcastOctets", null),
        OUTMCASTOCTETS("OutMcastOctets", null), INBCASTOCTETS("InBcastOctets", null),
        OUTBCASTOCTETS("OutBcastOctets", null), CSUMERRORS("InCsumErrors", null),
        NOECTPKTS("InNoECTPkts", Behaviour.NETSTAT_IP_ECN), ECT1PKTS("InECT1Pkts", Behaviour.NETSTAT_IP_ECN),
        ECT0PKTS("InECT0Pkts", Behaviour.NETSTAT_IP_ECN), CEPKTS("InCEPkts", Behaviour.NETSTAT_IP_ECN),
        REASM_OVERLAPS("ReasmOverlaps", Behaviour.NETSTAT_IP_REASM_OVERLAPS);

        public final String column;
        private final Behaviour since;

        IpExt(String column, Behaviour since) {
            this.column = column;
            this.since = since;
        }

        /** Whether {@code profile}'s release prints this column. */
        public boolean shownBy(KernelProfile profile) {
            return since == null || profile.has(since);
        }
    }

    /** The {@code ICMP_MIB_*} counters outside the per-type {@code icmpmsg} table. */
    public enum Icmp {
        INMSGS, INERRORS, CSUMERRORS, OUTMSGS, OUTERRORS, RATELIMITGLOBAL, RATELIMITHOST
    }

    /** {@code TCP_MIB_*} in {@code snmp4_tcp_list} order. */
    public enum Tcp {
        RTOALGORITHM("RtoAlgorithm"), RTOMIN("RtoMin"), RTOMAX("RtoMax"), MAXCONN("MaxConn"),
        ACTIVEOPENS("ActiveOpens"), PASSIVEOPENS("PassiveOpens"), ATTEMPTFAILS("AttemptFails"),
        ESTABRESETS("EstabResets"), CURRESTAB("CurrEstab"), INSEGS("InSegs"), OUTSEGS("OutSegs"),
        RETRANSSEGS("RetransSegs"), INERRS("InErrs"), OUTRSTS("OutRsts"), CSUMERRORS("InCsumErrors");

        public final String column;

        Tcp(String column) {
            this.column = column;
        }
    }

    /** {@code UDP_MIB_*} in {@code snmp4_udp_list} order (UDP-Lite has the same MIB). */
    public enum Udp {
        INDATAGRAMS("InDatagrams"), NOPORTS("NoPorts"), INERRORS("InErrors"), OUTDATAGRAMS("OutDatagrams"),
        RCVBUFERRORS("RcvbufErrors"), SNDBUFERRORS("SndbufErrors"), CSUMERRORS("InCsumErrors"),
        /** From 3.19 ({@code Behaviour#SNMP_UDP_IGNORED_MULTI}). */
        IGNOREDMULTI("IgnoredMulti"),
        /** From 5.11 ({@code Behaviour#SNMP_UDP_MEM_ERRORS}). */
        MEMERRORS("MemErrors");

        public final String column;

        Udp(String column) {
            this.column = column;
        }
    }

    /** {@code TCP_RTO_MIN} and {@code TCP_RTO_MAX} in ms ({@code HZ / 5}, {@code 120 * HZ}). */
    static final long TCP_RTO_MIN_MS = 200;
    static final long TCP_RTO_MAX_MS = 120_000;

    private final long[] ip = new long[Ip.values().length];
    private final long[] ipExt = new long[IpExt.values().length];
    private final long[] icmp = new long[Icmp.values().length];
    private final long[] tcp = new long[Tcp.values().length];
    private final long[] udp = new long[Udp.values().length];
    private final long[] udplite = new long[Udp.values().length];

    /**
     * {@code tcp_mib_init}: RFC 2012's constants, RtoAlgorithm 1 ("other"), RtoMin and RtoMax in
     * ms, MaxConn -1 (dynamic).
     */
    public SnmpMib() {
        tcp[Tcp.RTOALGORITHM.ordinal()] = 1;
        tcp[Tcp.RTOMIN.ordinal()] = TCP_RTO_MIN_MS;
        tcp[Tcp.RTOMAX.ordinal()] = TCP_RTO_MAX_MS;
        tcp[Tcp.MAXCONN.ordinal()] = -1;
    }

    /** {@code __IP_INC_STATS(net, field)}. */
    public void inc(Ip field) {
        ip[field.ordinal()]++;
    }

    /** {@code __UDP_INC_STATS(net, field, is_udplite)} for UDP. */
    public void inc(Udp field) {
        udp[field.ordinal()]++;
    }

    /** {@code __IP_ADD_STATS(net, field, n)} for a field IpExt shows. */
    public void add(IpExt field, long n) {
        ipExt[field.ordinal()] += n;
    }

    public long get(IpExt field) {
        return ipExt[field.ordinal()];
    }

    public long get(Ip field) {
        return ip[field.ordinal()];
    }

    public long get(Icmp field) {
        return icmp[field.ordinal()];
    }

    public long get(Tcp field) {
        return tcp[field.ordinal()];
    }

    public long get(Udp field) {
        return udp[field.ordinal()];
    }

    public long getUdpLite(Udp field) {
        return udplite[field.ordinal()];
    }
}
