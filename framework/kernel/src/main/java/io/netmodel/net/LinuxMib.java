package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;

/**
 * The host's {@code net->mib.net_statistics} ({@code struct linux_mib}: the {@code LINUX_MIB_*}
 * counters of {@code include/uapi/linux/snmp.h}) that {@code /proc/net/netstat} shows as TcpExt
 * ({@link ProcNetNetstat}). One set for the host, the per-CPU halves folded into one counter, as
 * in {@link SnmpMib}. The receive path moves the one the model has a mechanism for:
 * {@code BusyPollRxPackets}, to which a busy poll adds what each of its polls took
 * ({@code net/core/dev.c}, {@code __napi_busy_loop}: {@code __NET_ADD_STATS(dev_net(napi->dev),
 * LINUX_MIB_BUSYPOLLRXPACKETS, work)} when {@code work > 0}; before 4.5, {@code sk_busy_loop} in
 * {@code include/net/busy_poll.h} adds what {@code ndo_busy_poll} returned, recalled rather than
 * re-read). The others are
 * TCP's, and the model has no TCP socket: they stay 0, as on a host that has none.
 */
public final class LinuxMib {
    /**
     * The TcpExt columns in {@code snmp4_net_list} order ({@code net/ipv4/proc.c}), every modelled
     * release's in one list: each with the {@link Behaviour} that added it (null: before 3.11) and
     * the one that removed it (null: still there). Without the removed ones, the list is the
     * header a live 6.18 host prints; where a column appeared or went is the Behaviour's, each
     * saying how sure it is.
     */
    public enum TcpExt {
        SYNCOOKIESSENT("SyncookiesSent", null, null),
        SYNCOOKIESRECV("SyncookiesRecv", null, null),
        SYNCOOKIESFAILED("SyncookiesFailed", null, null),
        EMBRYONICRSTS("EmbryonicRsts", null, null),
        PRUNECALLED("PruneCalled", null, null),
        RCVPRUNED("RcvPruned", null, null),
        OFOPRUNED("OfoPruned", null, null),
        OUTOFWINDOWICMPS("OutOfWindowIcmps", null, null),
        LOCKDROPPEDICMPS("LockDroppedIcmps", null, null),
        ARPFILTER("ArpFilter", null, null),
        TIMEWAITED("TW", null, null),
        TIMEWAITRECYCLED("TWRecycled", null, null),
        TIMEWAITKILLED("TWKilled", null, null),
        PAWSPASSIVEREJECTED("PAWSPassive", null, Behaviour.NETSTAT_PAWS_PASSIVE_REMOVED),
        PAWSACTIVEREJECTED("PAWSActive", null, null),
        PAWSESTABREJECTED("PAWSEstab", null, null),
        BEYOND_WINDOW("BeyondWindow", Behaviour.NETSTAT_BEYOND_WINDOW, null),
        TSECRREJECTED("TSEcrRejected", Behaviour.NETSTAT_TSECR_REJECTED, null),
        PAWS_OLD_ACK("PAWSOldAck", Behaviour.NETSTAT_PAWS_OLD_ACK, null),
        PAWS_TW_REJECTED("PAWSTimewait", Behaviour.NETSTAT_PAWS_TIMEWAIT, null),
        DELAYEDACKS("DelayedACKs", null, null),
        DELAYEDACKLOCKED("DelayedACKLocked", null, null),
        DELAYEDACKLOST("DelayedACKLost", null, null),
        LISTENOVERFLOWS("ListenOverflows", null, null),
        LISTENDROPS("ListenDrops", null, null),
        TCPPREQUEUED("TCPPrequeued", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPDIRECTCOPYFROMBACKLOG("TCPDirectCopyFromBacklog", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPDIRECTCOPYFROMPREQUEUE("TCPDirectCopyFromPrequeue", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPPREQUEUEDROPPED("TCPPrequeueDropped", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPHPHITS("TCPHPHits", null, null),
        TCPHPHITSTOUSER("TCPHPHitsToUser", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPPUREACKS("TCPPureAcks", null, null),
        TCPHPACKS("TCPHPAcks", null, null),
        TCPRENORECOVERY("TCPRenoRecovery", null, null),
        TCPSACKRECOVERY("TCPSackRecovery", null, null),
        TCPSACKRENEGING("TCPSACKReneging", null, null),
        TCPFACKREORDER("TCPFACKReorder", null, Behaviour.NETSTAT_TCP_FACK_REORDER_REMOVED),
        TCPSACKREORDER("TCPSACKReorder", null, null),
        TCPRENOREORDER("TCPRenoReorder", null, null),
        TCPTSREORDER("TCPTSReorder", null, null),
        TCPFULLUNDO("TCPFullUndo", null, null),
        TCPPARTIALUNDO("TCPPartialUndo", null, null),
        TCPDSACKUNDO("TCPDSACKUndo", null, null),
        TCPLOSSUNDO("TCPLossUndo", null, null),
        TCPLOSTRETRANSMIT("TCPLostRetransmit", null, null),
        TCPRENOFAILURES("TCPRenoFailures", null, null),
        TCPSACKFAILURES("TCPSackFailures", null, null),
        TCPLOSSFAILURES("TCPLossFailures", null, null),
        TCPFASTRETRANS("TCPFastRetrans", null, null),
        TCPFORWARDRETRANS("TCPForwardRetrans", null, Behaviour.NETSTAT_TCP_FORWARD_RETRANS_REMOVED),
        TCPSLOWSTARTRETRANS("TCPSlowStartRetrans", null, null),
        TCPTIMEOUTS("TCPTimeouts", null, null),
        TCPLOSSPROBES("TCPLossProbes", null, null),
        TCPLOSSPROBERECOVERY("TCPLossProbeRecovery", null, null),
        TCPRENORECOVERYFAIL("TCPRenoRecoveryFail", null, null),
        TCPSACKRECOVERYFAIL("TCPSackRecoveryFail", null, null),
        TCPSCHEDULERFAILED("TCPSchedulerFailed", null, Behaviour.NETSTAT_TCP_PREQUEUE_REMOVED),
        TCPRCVCOLLAPSED("TCPRcvCollapsed", null, null),
        TCPBACKLOGCOALESCE("TCPBacklogCoalesce", Behaviour.NETSTAT_TCP_BACKLOG_COALESCE, null),
        TCPDSACKOLDSENT("TCPDSACKOldSent", null, null),
        TCPDSACKOFOSENT("TCPDSACKOfoSent", null, null),
        TCPDSACKRECV("TCPDSACKRecv", null, null),
        TCPDSACKOFORECV("TCPDSACKOfoRecv", null, null),
        TCPABORTONDATA("TCPAbortOnData", null, null),
        TCPABORTONCLOSE("TCPAbortOnClose", null, null),
        TCPABORTONMEMORY("TCPAbortOnMemory", null, null),
        TCPABORTONTIMEOUT("TCPAbortOnTimeout", null, null),
        TCPABORTONLINGER("TCPAbortOnLinger", null, null),
        TCPABORTFAILED("TCPAbortFailed", null, null),
        TCPMEMORYPRESSURES("TCPMemoryPressures", null, null),
        TCPMEMORYPRESSURESCHRONO("TCPMemoryPressuresChrono", Behaviour.NETSTAT_TCP_MEMORY_PRESSURES_CHRONO, null),
        TCPSACKDISCARD("TCPSACKDiscard", null, null),
        TCPDSACKIGNOREDOLD("TCPDSACKIgnoredOld", null, null),
        TCPDSACKIGNOREDNOUNDO("TCPDSACKIgnoredNoUndo", null, null),
        TCPSPURIOUSRTOS("TCPSpuriousRTOs", null, null),
        TCPMD5NOTFOUND("TCPMD5NotFound", null, null),
        TCPMD5UNEXPECTED("TCPMD5Unexpected", null, null),
        TCPMD5FAILURE("TCPMD5Failure", Behaviour.NETSTAT_TCP_MD5_FAILURE, null),
        SACKSHIFTED("TCPSackShifted", null, null),
        SACKMERGED("TCPSackMerged", null, null),
        SACKSHIFTFALLBACK("TCPSackShiftFallback", null, null),
        TCPBACKLOGDROP("TCPBacklogDrop", null, null),
        PFMEMALLOCDROP("PFMemallocDrop", Behaviour.NETSTAT_PFMEMALLOC_DROP, null),
        TCPMINTTLDROP("TCPMinTTLDrop", null, null),
        TCPDEFERACCEPTDROP("TCPDeferAcceptDrop", null, null),
        IPRPFILTER("IPReversePathFilter", null, null),
        TCPTIMEWAITOVERFLOW("TCPTimeWaitOverflow", null, null),
        TCPREQQFULLDOCOOKIES("TCPReqQFullDoCookies", null, null),
        TCPREQQFULLDROP("TCPReqQFullDrop", null, null),
        TCPRETRANSFAIL("TCPRetransFail", null, null),
        TCPRCVCOALESCE("TCPRcvCoalesce", null, null),
        TCPOFOQUEUE("TCPOFOQueue", null, null),
        TCPOFODROP("TCPOFODrop", null, null),
        TCPOFOMERGE("TCPOFOMerge", null, null),
        TCPCHALLENGEACK("TCPChallengeACK", null, null),
        TCPSYNCHALLENGE("TCPSYNChallenge", null, null),
        TCPFASTOPENACTIVE("TCPFastOpenActive", null, null),
        TCPFASTOPENACTIVEFAIL("TCPFastOpenActiveFail", Behaviour.NETSTAT_TCP_SYN_DATA_STATS, null),
        TCPFASTOPENPASSIVE("TCPFastOpenPassive", null, null),
        TCPFASTOPENPASSIVEFAIL("TCPFastOpenPassiveFail", null, null),
        TCPFASTOPENLISTENOVERFLOW("TCPFastOpenListenOverflow", null, null),
        TCPFASTOPENCOOKIEREQD("TCPFastOpenCookieReqd", null, null),
        TCPFASTOPENBLACKHOLE("TCPFastOpenBlackhole", Behaviour.NETSTAT_TCP_FASTOPEN_BLACKHOLE, null),
        TCPSPURIOUS_RTX_HOSTQUEUES("TCPSpuriousRtxHostQueues", null, null),
        BUSYPOLLRXPACKETS("BusyPollRxPackets", null, null),
        TCPAUTOCORKING("TCPAutoCorking", Behaviour.NETSTAT_TCP_AUTOCORKING, null),
        TCPFROMZEROWINDOWADV("TCPFromZeroWindowAdv", Behaviour.NETSTAT_TCP_ZERO_WINDOW_ADV, null),
        TCPTOZEROWINDOWADV("TCPToZeroWindowAdv", Behaviour.NETSTAT_TCP_ZERO_WINDOW_ADV, null),
        TCPWANTZEROWINDOWADV("TCPWantZeroWindowAdv", Behaviour.NETSTAT_TCP_ZERO_WINDOW_ADV, null),
        TCPSYNRETRANS("TCPSynRetrans", Behaviour.NETSTAT_TCP_SYN_DATA_STATS, null),
        TCPORIGDATASENT("TCPOrigDataSent", Behaviour.NETSTAT_TCP_SYN_DATA_STATS, null),
        TCPHYSTARTTRAINDETECT("TCPHystartTrainDetect", Behaviour.NETSTAT_TCP_HYSTART, null),
        TCPHYSTARTTRAINCWND("TCPHystartTrainCwnd", Behaviour.NETSTAT_TCP_HYSTART, null),
        TCPHYSTARTDELAYDETECT("TCPHystartDelayDetect", Behaviour.NETSTAT_TCP_HYSTART, null),
        TCPHYSTARTDELAYCWND("TCPHystartDelayCwnd", Behaviour.NETSTAT_TCP_HYSTART, null),
        TCPACKSKIPPEDSYNRECV("TCPACKSkippedSynRecv", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPACKSKIPPEDPAWS("TCPACKSkippedPAWS", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPACKSKIPPEDSEQ("TCPACKSkippedSeq", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPACKSKIPPEDFINWAIT2("TCPACKSkippedFinWait2", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPACKSKIPPEDTIMEWAIT("TCPACKSkippedTimeWait", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPACKSKIPPEDCHALLENGE("TCPACKSkippedChallenge", Behaviour.NETSTAT_TCP_ACK_SKIPPED, null),
        TCPWINPROBE("TCPWinProbe", Behaviour.NETSTAT_TCP_WINPROBE_KEEPALIVE, null),
        TCPKEEPALIVE("TCPKeepAlive", Behaviour.NETSTAT_TCP_WINPROBE_KEEPALIVE, null),
        TCPMTUPFAIL("TCPMTUPFail", Behaviour.NETSTAT_TCP_MTUP, null),
        TCPMTUPSUCCESS("TCPMTUPSuccess", Behaviour.NETSTAT_TCP_MTUP, null),
        TCPDELIVERED("TCPDelivered", Behaviour.NETSTAT_TCP_DELIVERED, null),
        TCPDELIVEREDCE("TCPDeliveredCE", Behaviour.NETSTAT_TCP_DELIVERED, null),
        TCPACKCOMPRESSED("TCPAckCompressed", Behaviour.NETSTAT_TCP_ACK_COMPRESSED, null),
        TCPZEROWINDOWDROP("TCPZeroWindowDrop", Behaviour.NETSTAT_TCP_ZERO_WINDOW_DROP, null),
        TCPRCVQDROP("TCPRcvQDrop", Behaviour.NETSTAT_TCP_ZERO_WINDOW_DROP, null),
        TCPWQUEUETOOBIG("TCPWqueueTooBig", Behaviour.NETSTAT_TCP_WQUEUE_TOO_BIG, null),
        TCPFASTOPENPASSIVEALTKEY("TCPFastOpenPassiveAltKey", Behaviour.NETSTAT_TCP_FASTOPEN_ALT_KEY, null),
        TCPTIMEOUTREHASH("TcpTimeoutRehash", Behaviour.NETSTAT_TCP_REHASH, null),
        TCPDUPLICATEDATAREHASH("TcpDuplicateDataRehash", Behaviour.NETSTAT_TCP_REHASH, null),
        TCPDSACKRECVSEGS("TCPDSACKRecvSegs", Behaviour.NETSTAT_TCP_DSACK_SEGS, null),
        TCPDSACKIGNOREDDUBIOUS("TCPDSACKIgnoredDubious", Behaviour.NETSTAT_TCP_DSACK_SEGS, null),
        TCPMIGRATEREQSUCCESS("TCPMigrateReqSuccess", Behaviour.NETSTAT_TCP_MIGRATE_REQ, null),
        TCPMIGRATEREQFAILURE("TCPMigrateReqFailure", Behaviour.NETSTAT_TCP_MIGRATE_REQ, null),
        TCPPLBREHASH("TCPPLBRehash", Behaviour.NETSTAT_TCP_PLB_REHASH, null),
        TCPAOREQUIRED("TCPAORequired", Behaviour.NETSTAT_TCP_AO, null),
        TCPAOBAD("TCPAOBad", Behaviour.NETSTAT_TCP_AO, null),
        TCPAOKEYNOTFOUND("TCPAOKeyNotFound", Behaviour.NETSTAT_TCP_AO, null),
        TCPAOGOOD("TCPAOGood", Behaviour.NETSTAT_TCP_AO, null),
        TCPAODROPPEDICMPS("TCPAODroppedIcmps", Behaviour.NETSTAT_TCP_AO, null);

        /** The name {@code netstat_seq_show} prints. */
        public final String column;
        private final Behaviour since;
        private final Behaviour removed;

        TcpExt(String column, Behaviour since, Behaviour removed) {
            this.column = column;
            this.since = since;
            this.removed = removed;
        }

        /** Whether {@code profile}'s release prints this column. */
        public boolean shownBy(KernelProfile profile) {
            return (since == null || profile.has(since)) && (removed == null || !profile.has(removed));
        }
    }

    private final long[] tcpExt = new long[TcpExt.values().length];

    /** {@code __NET_ADD_STATS(net, field, n)}. */
    public void add(TcpExt field, long n) {
        tcpExt[field.ordinal()] += n;
    }

    public long get(TcpExt field) {
        return tcpExt[field.ordinal()];
    }
}
