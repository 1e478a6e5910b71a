package io.netmodel.api.kernel;

/**
 * Named kernel behaviours, each with the release that introduced it
 * ({@code shared/reference/kernel-algorithms.md}, table (a)). Drivers and the model ask the
 * profile {@code has(B)}; nobody compares version numbers.
 */
public enum Behaviour implements Change {
    /** {@code SO_BUSY_POLL}, {@code net.core.busy_read}/{@code busy_poll}: 3.11. */
    BUSY_POLL("3.11"),
    /** {@code net_device_ops.ndo_busy_poll} exists (drivers may implement it): 3.11. */
    NDO_BUSY_POLL("3.11"),
    /** {@code gro_flush_timeout} sysfs attribute: 3.19. */
    GRO_FLUSH_TIMEOUT("3.19"),
    /**
     * {@code net_rx_action} polls each NAPI at most once per run: one that used its whole weight
     * goes onto a local {@code repoll} list and waits for the next run (the softirq is raised
     * again); before, it was polled again in the same run while budget and time lasted (Eric
     * Dumazet, "net: less interrupt masking in NAPI", d75b1ade567f): 3.19 (release recalled).
     */
    NET_RX_REPOLL_LIST("3.19"),
    /** {@code queues/tx-N/tx_maxrate} ({@code ndo_set_tx_maxrate}): 4.1. */
    TX_MAXRATE("4.1"),
    /** {@code netif_napi_add} calls {@code napi_hash_add} itself (commit 93d05d4a320c): 4.5. */
    NAPI_HASH_IN_NETIF_NAPI_ADD("4.5"),
    /**
     * Softirq vector 5 is {@code IRQ_POLL} in {@code /proc/softirqs}; before, {@code BLOCK_IOPOLL}
     * (Hellwig, "irq_poll: make blk-iopoll available outside the block layer"): 4.5 (release
     * from memory, unverified; the old name is confirmed in 3.x/4.x trees).
     */
    IRQ_POLL_SOFTIRQ("4.5"),
    /**
     * "softirq: Let ksoftirqd do its job" (Eric Dumazet, 4cd13c21b207, 4.9): while
     * {@code ksoftirqd/N} is runnable, {@code invoke_softirq} (an interrupt's exit) and
     * {@code do_softirq} (a task's {@code local_bh_enable}, e.g. the {@code spin_unlock_bh} in
     * every UDP {@code recvmsg}) leave pending softirqs to it ({@code ksoftirqd_running}). Before,
     * and again from {@link #KSOFTIRQD_RUNNING_REVERTED}, they run them at once in whatever task
     * was on the CPU. kernel-algorithms.md §1.4.
     */
    KSOFTIRQD_RUNNING("4.9"),
    /** {@code queues/tx-N/traffic_class} (Duyck, "net: Add sysfs value to determine queue traffic class"): 4.10. */
    TRAFFIC_CLASS("4.10"),
    /** {@code ndo_busy_poll} removed; the generic {@code napi_busy_loop} path only: 4.11. */
    NDO_BUSY_POLL_REMOVED("4.11"),
    /**
     * NAPI ids start above {@code NR_CPUS} so they cannot be taken for a sender CPU
     * (Duyck, "Busy polling should ignore sender CPUs"): 4.12. Before, the first id was 1.
     */
    NAPI_ID_ABOVE_NR_CPUS("4.12"),
    /**
     * An unconnected UDP socket takes the NAPI id of the first packet it receives
     * ({@code sk_mark_napi_id_once} in {@code __udp_queue_rcv_skb}; Dumazet, "udp: enable busy
     * polling for all sockets", e68b6e50fa35): 4.12. Before, only a connected socket was marked
     * (with every packet), so an unconnected one could not busy-poll. Since 1.5.
     */
    UDP_NAPI_ID_ONCE("4.12"),
    /** {@code net.core.netdev_budget_usecs}: 4.12, default 2000 µs (C:7acf8a1e8a28). */
    NETDEV_BUDGET_USECS("4.12"),
    /**
     * epoll busy polling: {@code epoll_wait} busy-polls the NAPI of its sockets for
     * {@code net.core.busy_poll} µs (Samudrala, "epoll: Add busy poll support to epoll with
     * socket fds", C:bf3b9f6372c4): 4.12 (kernel-algorithms.md §1.8).
     */
    EPOLL_BUSY_POLL("4.12"),
    /**
     * {@code /proc/irq/N/effective_affinity} and {@code effective_affinity_list}
     * ({@code CONFIG_GENERIC_IRQ_EFFECTIVE_AFF_MASK}, x86 vector rework): 4.13.
     */
    IRQ_EFFECTIVE_AFFINITY("4.13"),
    /**
     * A PCI device's {@code msi_irqs/N} is a file reading {@code msi} or {@code msix} (Greg
     * Kroah-Hartman, 1c51b50c2995 "PCI/MSI: Export MSI mode using attributes, not kobjects"):
     * 3.13 (release recalled). Before, {@code msi_irqs/N/} was a directory holding {@code mode}.
     */
    MSI_IRQS_ATTRIBUTES("3.13"),
    /** {@code queues/tx-N/xps_rxqs}: 4.18. */
    XPS_RXQS("4.18"),
    /** {@code gro_normal_batch} sysctl: 5.4. */
    GRO_NORMAL_BATCH("5.4"),
    /**
     * {@code netdev_budget_usecs} defaults to {@code 2 * USEC_PER_SEC / HZ}, two ticks at any HZ,
     * instead of 2000 µs (Konstantin Khlebnikov, "net: revert default NAPI poll timeout to 2
     * jiffies", a4837980fd9f): 5.7 (kernel-algorithms.md §1.3; stable backports not modelled).
     */
    NETDEV_BUDGET_USECS_TWO_JIFFIES("5.7"),
    /**
     * {@code net.core.netdev_unregister_timeout_secs} (Dmitry Safonov, "net/core: Allow the
     * "unregister_netdevice: waiting for..." timeout to be configured"): 5.11 (release from memory).
     */
    NETDEV_UNREGISTER_TIMEOUT_SECS("5.11"),
    /**
     * {@code net.core.txrehash} (Akhmat Karakotov, "txhash: Make rethinking txhash behavior
     * configurable via sysctl", e187013abeb4; v5 posted to net-next 2022-01-31): 5.18 (checked
     * against the posting date and the merge of branch 'hash-rethink').
     */
    TXREHASH("5.18"),
    /**
     * {@code net.core.skb_defer_max} (Eric Dumazet, "net: add skb_defer_max sysctl", 39564c3fdc66,
     * posted to net-next 2022-05-16 and applied there): 5.19 (checked against the posting date;
     * kernel-interfaces.md §3.2's "6.0-ish" was late).
     */
    SKB_DEFER_MAX("5.19"),
    /**
     * {@code net.core.skb_defer_max} defaults to 128 (Dumazet, "net: increase skb_defer_max
     * default to 128", b61785852ed0, in the "Networking for 6.19" pull); before, 64. Since 1.5.
     */
    SKB_DEFER_MAX_128("6.19"),
    /**
     * {@code net.core.rps_default_mask} (Paolo Abeni, "net: introduce default_rps_mask netns
     * attribute", 605cfa1b1090): v4 posted to net-next on 2023-02-07 and applied there, after 6.2's
     * merge window, so 6.3 (checked; kernel-interfaces.md §3.2's "6.2-ish" was one release early).
     */
    RPS_DEFAULT_MASK("6.3"),
    /**
     * {@code net.core.optmem_max} defaults to 128 KiB, and is per netns (commits 4944566706b2,
     * f5769faeec36); before, 20480 on 64-bit: 6.8.
     */
    OPTMEM_MAX_128K("6.8"),
    /**
     * {@code SOMAXCONN}, the default of {@code net.core.somaxconn}, raised from 128 to 4096
     * ("net: increase SOMAXCONN to 4096"): 5.4 (kernel-interfaces.md §8).
     */
    SOMAXCONN_4096("5.4"),
    /** {@code net.core.mem_pcpu_rsv} (per-CPU socket memory reserve): 6.9 (kernel-interfaces.md §3.2). */
    MEM_PCPU_RSV("6.9"),
    /**
     * {@code net.core.rmem_max} and {@code wmem_max} default to 4 MiB ("net: set net.core.rmem_max and
     * net.core.wmem_max to 4 MB"); before, 212992: 6.18.
     */
    RMEM_WMEM_MAX_4M("6.18"),
    /**
     * UDP queues with {@code __udp_enqueue_schedule_skb} (Paolo Abeni, "udp: implement memory
     * accounting helpers", f970bd9e3a06): a packet is dropped when {@code sk_rmem_alloc} already
     * exceeds {@code sk_rcvbuf} (so a full buffer still takes one more), and {@code recvmsg}
     * gives the memory back in batches of a quarter of {@code sk_rcvbuf}, or when the reader's
     * queue empties ({@code udp_rmem_release}, Eric Dumazet, "udp: add batching to
     * udp_rmem_release()", 6b229cf77d68, dated 8 Dec 2016). Before, {@code sock_queue_rcv_skb}
     * dropped once {@code sk_rmem_alloc >= sk_rcvbuf} and each read freed its skb's memory
     * ({@code sock_rfree}): 4.10 (both posted to net-next in autumn 2016; release inferred).
     */
    UDP_ENQUEUE_SCHEDULE_SKB("4.10"),
    /**
     * {@code __udp_enqueue_schedule_skb} tests {@code rmem + truesize > rcvbuf} as unsigned, and a
     * socket whose {@code sk_rcvbuf} is above {@code INT_MAX >> 1} no longer gets the "one more
     * packet" (Kuniyuki Iwashima, "udp: Fix multiple wraparounds of sk->sk_rmem_alloc",
     * 5a465a0da13e, a fix to net in spring 2025, also in stable): 6.15 (release inferred).
     */
    UDP_RMEM_WRAPAROUND_FIX("6.15"),
    /**
     * {@code __udp_enqueue_schedule_skb} takes a packet that does not fit only into an empty
     * queue ({@code if (rmem) goto drop}), so a full buffer no longer takes one more (Eric Dumazet,
     * "udp: refine __udp_enqueue_schedule_skb() test", patch 5 of "udp: increase RX performance
     * under stress", posted to net-next on 16 Sep 2025): 6.18 (inferred from the posting date).
     */
    UDP_RCVBUF_EMPTY_QUEUE_ONLY("6.18"),
    /**
     * {@code /proc/net/snmp} Udp/UdpLite {@code IgnoredMulti} ({@code UDP_MIB_IGNOREDMULTI}, Rick
     * Jones): 3.19 (release recalled, unverified).
     */
    SNMP_UDP_IGNORED_MULTI("3.19"),
    /**
     * {@code /proc/net/snmp} Udp/UdpLite {@code MemErrors} (Menglong Dong, "net: udp: introduce
     * UDP_MIB_MEMERRORS for udp_mem", v2 posted to net-next on 5 Nov 2020): 5.11 (inferred from
     * the posting date).
     */
    SNMP_UDP_MEM_ERRORS("5.11"),
    /**
     * {@code /proc/net/snmp} Icmp {@code OutRateLimitGlobal} and {@code OutRateLimitHost} after
     * {@code OutErrors} (Jamie Bainbridge, "icmp: Add counters for rate limits", posted to
     * net-next on 24 Dec 2022): 6.3 (inferred from the posting date).
     */
    SNMP_ICMP_OUT_RATE_LIMIT("6.3"),
    /**
     * {@code /proc/net/snmp} Ip {@code OutTransmits} ({@code IPSTATS_MIB_OUTPKTS}), with
     * {@code OutRequests} now counted in {@code __ip_local_out} (Heng Guo, "net: fix
     * IPSTATS_MIB_OUTPKGS increment in OutForwDatagrams", posted to net-next on 17 Oct 2023):
     * 6.7 (inferred from the posting date).
     */
    SNMP_IP_OUT_TRANSMITS("6.7"),
    /**
     * {@code /proc/net/netstat} TcpExt {@code TCPAutoCorking} (Eric Dumazet, "tcp: auto corking",
     * Dec 2013): 3.14 (release recalled, unverified).
     */
    NETSTAT_TCP_AUTOCORKING("3.14"),
    /**
     * TcpExt {@code TCPFromZeroWindowAdv}, {@code TCPToZeroWindowAdv}, {@code TCPWantZeroWindowAdv}
     * (Florian Westphal, "net: tcp: add mib counters to track zero window transitions", early 2014,
     * after auto corking in {@code snmp.h}): 3.15 (release recalled, unverified; 3.14 is possible).
     */
    NETSTAT_TCP_ZERO_WINDOW_ADV("3.15"),
    /**
     * TcpExt {@code TCPFastOpenActiveFail}, {@code TCPSynRetrans}, {@code TCPOrigDataSent} (Yuchung
     * Cheng, "tcp: snmp stats for Fast Open, SYN rtx, and data pkts", Feb 2014): 3.15 (release
     * recalled, unverified).
     */
    NETSTAT_TCP_SYN_DATA_STATS("3.15"),
    /**
     * TcpExt {@code TCPHystartTrainDetect}, {@code TCPHystartTrainCwnd}, {@code TCPHystartDelayDetect},
     * {@code TCPHystartDelayCwnd} (Eric Dumazet, "tcp_cubic: add SNMP counters to track how
     * effective is Hystart", late 2014): 3.19 (release recalled, unverified; {@code snmp.h} has them
     * between the 3.15 counters and the 4.0 ACK-loop ones).
     */
    NETSTAT_TCP_HYSTART("3.19"),
    /**
     * TcpExt {@code TCPACKSkippedSynRecv}, {@code ...PAWS}, {@code ...Seq}, {@code ...FinWait2},
     * {@code ...TimeWait}, {@code ...Challenge} (Neal Cardwell's series mitigating ACK loops by
     * rate-limiting out-of-window dupacks, Feb 2015): 4.0 (release recalled, unverified).
     */
    NETSTAT_TCP_ACK_SKIPPED("4.0"),
    /**
     * TcpExt {@code TCPWinProbe} and {@code TCPKeepAlive} ("tcp: add TCPWinProbe and TCPKeepAlive
     * SNMPMIB", 2015): 4.2 (release recalled, unverified; present in a 4.4-based tree).
     */
    NETSTAT_TCP_WINPROBE_KEEPALIVE("4.2"),
    /**
     * TcpExt {@code TCPMTUPFail} and {@code TCPMTUPSuccess} (MTU probing counters, 2015): 4.4
     * (release recalled, unverified: after {@code TCPKeepAlive} in {@code snmp.h}, present in a
     * 4.4-based tree).
     */
    NETSTAT_TCP_MTUP("4.4"),
    /**
     * TcpExt {@code PAWSPassive} gone with {@code tcp_tw_recycle} ("tcp: remove tcp_tw_recycle",
     * 2017), its only user: 4.12 (release recalled; absent from a 4.14-based tree).
     */
    NETSTAT_PAWS_PASSIVE_REMOVED("4.12"),
    /**
     * TcpExt {@code TCPFastOpenBlackhole} (Wei Wang, active TFO blackhole detection, Apr 2017):
     * 4.12 (release recalled, unverified).
     */
    NETSTAT_TCP_FASTOPEN_BLACKHOLE("4.12"),
    /**
     * TcpExt {@code PFMemallocDrop} (pfmemalloc skbs dropped by TCP, 2017): 4.12 (release recalled,
     * unverified; absent from a 4.4-based tree, present in a 4.14-based one).
     */
    NETSTAT_PFMEMALLOC_DROP("4.12"),
    /**
     * TcpExt {@code TCPMD5Failure} after {@code TCPMD5Unexpected}: 4.13 (release recalled,
     * unverified; absent from a 4.4-based tree, present in a 4.14-based one).
     */
    NETSTAT_TCP_MD5_FAILURE("4.13"),
    /**
     * TcpExt {@code TCPMemoryPressuresChrono} (Eric Dumazet, 2017): 4.13 (release recalled,
     * unverified).
     */
    NETSTAT_TCP_MEMORY_PRESSURES_CHRONO("4.13"),
    /**
     * TcpExt {@code TCPDelivered} and {@code TCPDeliveredCE} (Yuchung Cheng, 2017): 4.13 (release
     * recalled, unverified; present in a 4.14-based tree).
     */
    NETSTAT_TCP_DELIVERED("4.13"),
    /**
     * TcpExt {@code TCPPrequeued}, {@code TCPDirectCopyFromBacklog}, {@code TCPDirectCopyFromPrequeue},
     * {@code TCPPrequeueDropped}, {@code TCPHPHitsToUser} and {@code TCPSchedulerFailed} gone with
     * the prequeue (Florian Westphal, "tcp: remove prequeue support", Jul 2017): 4.14 (release
     * recalled; all six absent from a 4.14-based tree).
     */
    NETSTAT_TCP_PREQUEUE_REMOVED("4.14"),
    /**
     * TcpExt {@code TCPForwardRetrans} gone with forward retransmit ("tcp: remove forward
     * retransmit feature", Yuchung Cheng, 2017): 4.14 (release recalled; absent from a 4.14-based tree).
     */
    NETSTAT_TCP_FORWARD_RETRANS_REMOVED("4.14"),
    /**
     * TcpExt {@code TCPFACKReorder} gone with FACK ("tcp: remove FACK support", Yuchung Cheng, May
     * 2018): 4.18 (release recalled, unverified).
     */
    NETSTAT_TCP_FACK_REORDER_REMOVED("4.18"),
    /** TcpExt {@code TCPAckCompressed} (Eric Dumazet, SACK compression, May 2018): 4.18 (release recalled). */
    NETSTAT_TCP_ACK_COMPRESSED("4.18"),
    /**
     * IpExt {@code ReasmOverlaps} ({@code IPSTATS_MIB_REASM_OVERLAPS}, Peter Oskolkov's fragment
     * reassembly rework, Aug 2018): 4.19 (release recalled, unverified).
     */
    NETSTAT_IP_REASM_OVERLAPS("4.19"),
    /**
     * TcpExt {@code TCPBacklogCoalesce} (Eric Dumazet, "tcp: implement coalescing on backlog
     * queue", Nov 2018): 5.0 (release recalled).
     */
    NETSTAT_TCP_BACKLOG_COALESCE("5.0"),
    /**
     * TcpExt {@code TCPZeroWindowDrop} and {@code TCPRcvQDrop} (Yafang Shao, early 2019): 5.1
     * (release recalled, unverified).
     */
    NETSTAT_TCP_ZERO_WINDOW_DROP("5.1"),
    /**
     * TcpExt {@code TCPWqueueTooBig} (Eric Dumazet, "tcp: tcp_fragment() should apply sane memory
     * limits", the SACK-panic fix of June 2019, also in stable): 5.2.
     */
    NETSTAT_TCP_WQUEUE_TOO_BIG("5.2"),
    /**
     * TcpExt {@code TCPFastOpenPassiveAltKey} (Jason Baron, "tcp: add backup TFO key
     * infrastructure", posted to net-next on 22 May 2019): 5.3 (inferred from the posting date).
     */
    NETSTAT_TCP_FASTOPEN_ALT_KEY("5.3"),
    /**
     * TcpExt {@code TcpTimeoutRehash} and {@code TcpDuplicateDataRehash} (Abdul Kabbani, "tcp:
     * export count for rehash attempts", posted to net-next on 24 Jan 2020): 5.6 (inferred).
     */
    NETSTAT_TCP_REHASH("5.6"),
    /**
     * TcpExt {@code TCPDSACKRecvSegs} (Priyaranjan Jha, "tcp: add SNMP counter for no. of duplicate
     * segments reported by DSACK", posted to net-next on 16 Jul 2020) and {@code TCPDSACKIgnoredDubious}
     * after it: 5.9 (inferred from the posting date; the second recalled from the same cycle).
     */
    NETSTAT_TCP_DSACK_SEGS("5.9"),
    /**
     * TcpExt {@code TCPMigrateReqSuccess} and {@code TCPMigrateReqFailure} (Kuniyuki Iwashima, "tcp:
     * Add stats for socket migration", posted to net-next on 22 Jun 2021): 5.14 (inferred).
     */
    NETSTAT_TCP_MIGRATE_REQ("5.14"),
    /**
     * TcpExt {@code TCPPLBRehash} (Mubashir Adnan Qureshi, "tcp: add u32 counter in tcp_sock and an
     * SNMP counter for PLB", posted to net-next on 29 Sep 2022): 6.2 (inferred; absent from a
     * 6.1-based tree).
     */
    NETSTAT_TCP_PLB_REHASH("6.2"),
    /**
     * TcpExt {@code TCPAORequired}, {@code TCPAOBad}, {@code TCPAOKeyNotFound}, {@code TCPAOGood},
     * {@code TCPAODroppedIcmps} (Dmitry Safonov's TCP-AO series): 6.7 (release recalled).
     */
    NETSTAT_TCP_AO("6.7"),
    /**
     * TcpExt {@code PAWSOldAck} (Eric Dumazet, "tcp: add LINUX_MIB_PAWS_OLD_ACK SNMP counter",
     * posted to net-next on 13 Jan 2025): 6.14 (inferred from the posting date).
     */
    NETSTAT_PAWS_OLD_ACK("6.14"),
    /**
     * TcpExt {@code TSEcrRejected} (Eric Dumazet, "tcp: be less liberal in TSEcr received while in
     * SYN_RECV state", posted to net-next on 25 Feb 2025): 6.15 (inferred).
     */
    NETSTAT_TSECR_REJECTED("6.15"),
    /**
     * TcpExt {@code PAWSTimewait} ({@code LINUX_MIB_PAWS_TW_REJECTED}, Jiayuan Chen, posted on
     * 7 Apr 2025): 6.16 (inferred).
     */
    NETSTAT_PAWS_TIMEWAIT("6.16"),
    /**
     * TcpExt {@code BeyondWindow} (Eric Dumazet, "tcp: add LINUX_MIB_BEYOND_WINDOW", posted to
     * net-next on 11 Jul 2025): 6.17 (inferred). No TcpExt or IpExt column found added for 6.19.
     */
    NETSTAT_BEYOND_WINDOW("6.17"),
    /**
     * IpExt {@code InNoECTPkts}, {@code InECT1Pkts}, {@code InECT0Pkts}, {@code InCEPkts} (the ECN
     * codepoint counters {@code ip_rcv} adds to): 3.14 (release recalled, unverified: absent from a
     * 3.10-based tree, present in a 4.4-based one).
     */
    NETSTAT_IP_ECN("3.14"),
    /** {@code napi_defer_hard_irqs}: 5.8. */
    NAPI_DEFER_HARD_IRQS("5.8"),
    /** The {@code testing} sysfs attribute of a netdev (IF_OPER_TESTING; kernel-interfaces.md §2.3, §8): 5.8. */
    SYSFS_TESTING("5.8"),
    /**
     * A netdev's {@code phys_port_id} attribute ({@code ndo_get_phys_port_id}, "net: add ndo to get id
     * of physical port of the device"): 3.12. Release recalled, not verified.
     */
    PHYS_PORT_ID("3.12"),
    /** {@code phys_switch_id} (switchdev's introduction): 3.19. Release recalled, not verified. */
    PHYS_SWITCH_ID("3.19"),
    /** {@code phys_port_name} ({@code ndo_get_phys_port_name}): 4.1. Release recalled, not verified. */
    PHYS_PORT_NAME("4.1"),
    /**
     * {@code phys_port_id}, {@code phys_port_name} and {@code phys_switch_id} move into
     * {@code netdev_phys_group}, whose {@code netdev_phys_is_visible} hides each one the driver
     * cannot answer (Yajun Deng's "net-sysfs" patch, posted to netdev on 15 May 2025); before, every
     * netdev had all three and reading them gave EOPNOTSUPP: 6.16, inferred from the posting date.
     */
    NETDEV_PHYS_GROUP("6.16"),
    /** {@code carrier_up_count} and {@code carrier_down_count} beside {@code carrier_changes} (kernel-interfaces.md §2.3): 4.16. */
    CARRIER_UP_DOWN_COUNT("4.16"),
    /** The netdev sysfs attribute {@code carrier_changes} (kernel-interfaces.md §2.3): 3.15. */
    SYSFS_CARRIER_CHANGES("3.15"),
    /** The netdev sysfs attribute {@code dev_port} (kernel-interfaces.md §2.3): 3.15. */
    SYSFS_DEV_PORT("3.15"),
    /** The netdev sysfs attribute {@code name_assign_type} (kernel-interfaces.md §2.3): 3.17. */
    SYSFS_NAME_ASSIGN_TYPE("3.17"),
    /** The netdev sysfs attribute {@code proto_down} (kernel-interfaces.md §2.3, "4.3-ish", unverified): 4.3. */
    SYSFS_PROTO_DOWN("4.3"),
    /**
     * {@code net.core.default_qdisc} (Eric Dumazet, "qdisc: allow setting default queuing
     * discipline", 2013; release recalled, not in the references): 3.12.
     */
    SYSCTL_DEFAULT_QDISC("3.12"),
    /**
     * {@code net.core.netdev_rss_key} with {@code netdev_rss_key_fill} (Eric Dumazet, "net: provide
     * a common RSS key infrastructure", 2014; release recalled, not in the references): 3.19.
     */
    SYSCTL_NETDEV_RSS_KEY("3.19"),
    /** {@code net.core.tstamp_allow_data} ("net-timestamp: no-payload only sysctl"): 4.0 (release recalled, unverified). */
    TSTAMP_ALLOW_DATA("4.0"),
    /** {@code net.core.max_skb_frags} ("net:Add sysctl_max_skb_frags"): 4.5 (release recalled, unverified). */
    MAX_SKB_FRAGS_SYSCTL("4.5"),
    /**
     * {@code net.core.dev_weight_rx_bias} and {@code dev_weight_tx_bias} ("net: dev_weight: TX/RX
     * orthogonality"): 4.10, as kernel-interfaces.md §3.2 gives it ("4.10-ish", unverified; 4.11 is possible).
     */
    DEV_WEIGHT_BIAS("4.10"),
    /**
     * {@code net.core.fb_tunnels_only_for_init_net} ("net: do not create fallback tunnels for
     * non-default namespaces"): 4.17 (release recalled, unverified).
     */
    FB_TUNNELS_ONLY_FOR_INIT_NET("4.17"),
    /** {@code net.core.high_order_alloc_disable}: 5.1 (release recalled, unverified). */
    HIGH_ORDER_ALLOC_DISABLE("5.1"),
    /** {@code net.core.devconf_inherit_init_net}: 5.1 (release recalled, unverified). */
    DEVCONF_INHERIT_INIT_NET("5.1"),
    /**
     * {@code /proc/net/softnet_stat} has 13 columns: backlog length and CPU id added (Abeni,
     * commit 7d58e6555870, "net-sysfs: add backlog len and CPU id to softnet data"): 5.10.
     */
    SOFTNET_STAT_13_COLUMNS("5.10"),
    /**
     * {@code queues/tx-N/tx_timeout} reads {@code %lu\n}; before, {@code %lu} with no newline
     * ("net-sysfs: add a newline when printing 'tx_timeout' by sysfs", a 5.8-rc fix): 5.8.
     */
    TX_TIMEOUT_NEWLINE("5.8"),
    /** {@code SO_PREFER_BUSY_POLL}, {@code SO_BUSY_POLL_BUDGET}: 5.11. */
    PREFER_BUSY_POLL("5.11"),
    /** Threaded NAPI, the {@code threaded} sysfs attribute: 5.12. */
    THREADED_NAPI("5.12"),
    /** {@code netif_napi_add} lost its weight argument ({@code netif_napi_add_weight}): 6.1. */
    NETIF_NAPI_ADD_NO_WEIGHT("6.1"),
    /**
     * {@code /proc/net/softnet_stat} has 15 columns: the two backlog queue lengths separately
     * (commit 59da2d7b0e99, "net-sysfs: display two backlog queue len separately"): 6.4.
     */
    SOFTNET_STAT_15_COLUMNS("6.4"),
    /** BQL stall detector: {@code byte_queue_limits/stall_thrs}, {@code stall_cnt}, {@code stall_max}: 6.9. */
    BQL_STALL("6.9"),
    /**
     * {@code byte_queue_limits/} only for devices {@code netdev_uses_bql()} accepts: none for LLTX or
     * {@code IFF_NO_QUEUE} devices such as lo (commit 74293ea1c4db); before, every tx queue had it: 6.9.
     */
    NETDEV_USES_BQL("6.9"),
    /**
     * {@code dev_weight*} minimum 1 and {@code netdev_budget_usecs} minimum 2 jiffies
     * (Liu Jian, Jiri Slaby; also in stable): 6.14.
     */
    SYSCTL_BUDGET_MINIMUMS("6.14"),
    /**
     * sysfs stores take RTNL with {@code sysfs_rtnl_lock}: a write to a device being
     * unregistered fails with ENODEV (before: a zero-byte write): 6.15.
     */
    SYSFS_RTNL_LOCK("6.15"),
    /**
     * {@code show_interrupts} prints each count as {@code " %10u"} with
     * {@code seq_put_decimal_ull_width}, then one space and the chip as {@code "%8s"} (David
     * Wang, f9ed1f7c2e26, and Thomas Gleixner's "genirq/proc: Add missing space separator back",
     * 3 December 2024, 6.13-rc); before, {@code "%*d: "}, {@code "%10u "} per CPU and
     * {@code " %8s"}: one space more between the last count and the chip: 6.13.
     */
    PROC_INTERRUPTS_PUT_DECIMAL("6.13"),
    /** Per-NAPI config over netlink ({@code napi-set}), {@code irq_suspend_timeout}: 6.13. */
    PER_NAPI_NETLINK_CONFIG("6.13"),
    /**
     * Persistent per-NAPI config (Joe Damato, "net: napi: Add napi_config", 86e25f40aa1e):
     * {@code netif_napi_add_config(dev, napi, poll, index)} ties a NAPI to
     * {@code dev->napi_config[index]}, which keeps its id, {@code defer_hard_irqs},
     * {@code gro_flush_timeout} and {@code irq_suspend_timeout} (and {@code threaded} from 6.17)
     * while the NAPI is deleted and re-added for a queue change; NAPI ids are given at
     * {@code napi_enable} ({@code napi_hash_add} / {@code napi_hash_add_with_id}): 6.13.
     */
    NAPI_CONFIG("6.13"),
    /**
     * The {@code netdev} generic netlink family with {@code dev-get} (XDP features): 6.3
     * (kernel-interfaces.md §6.3 and §8, "approximate").
     */
    NETDEV_GENL("6.3"),
    /**
     * {@code queue-get} and {@code napi-get} (with the NAPI kthread's {@code pid}), queues linked
     * to NAPIs by {@code netif_queue_set_napi} (Amritha Nambiar's series): 6.8
     * (kernel-interfaces.md §6.3, "approximate").
     */
    NETDEV_GENL_QUEUE_NAPI("6.8"),
    /**
     * Netlink {@code qstats-get} (dump only: {@code scope} 0 for the device, {@code queue} for each
     * queue; Jakub Kicinski, "netdev: add per-queue statistics", the 6.9 merge window) over the
     * drivers' {@code netdev_stat_ops}: 6.9 (release recalled, unverified).
     */
    NETDEV_QSTATS("6.9"),
    /**
     * {@code qstats-get} takes an {@code ifindex} (ENODEV for none such, EOPNOTSUPP for a device
     * without {@code stat_ops}, both pointing at it); before, the attribute was not in the dump's
     * policy, "Unsupported attribute" (Jakub Kicinski, "netdev: support dumping a single netdev in
     * qstats", net-next 2024-04-20): 6.10 (inferred from the posting date).
     */
    NETDEV_QSTATS_IFINDEX("6.10"),
    /**
     * Per-NAPI {@code threaded} over netlink (enum disabled/enabled), and
     * {@code netif_set_threaded}/{@code napi_set_threaded} stop a NAPI's kthread when threading
     * is turned off ({@code napi_stop_kthread}); before, the kthread stayed until
     * {@code netif_napi_del}: 6.17 (kernel-interfaces.md §2.4, §6.3; the kthread stop's release
     * is recalled, unverified).
     */
    NAPI_THREADED_NETLINK("6.17"),
    /** Threaded busy poll ({@code threaded: busy-poll} over netlink): 6.19. */
    THREADED_BUSY_POLL("6.19"),
    /**
     * Per-epoll busy-poll parameters ({@code ioctl(EPIOCSPARAMS)}: {@code busy_poll_usecs},
     * {@code busy_poll_budget}, {@code prefer_busy_poll}; Joe Damato, merged Feb 2024):
     * 6.9 (kernel-algorithms.md §1.8).
     */
    EPOLL_BUSY_POLL_PARAMS("6.9"),
    /**
     * {@code /sys/devices/virtual/workqueue/cpumask}, the unbound workqueues' global mask
     * (Frederic Weisbecker, "workqueue: Create low-level unbound workqueues cpumask"): 4.2
     * (release recalled, unverified).
     */
    WQ_UNBOUND_CPUMASK("4.2"),
    /**
     * The {@code blkcg_punt_bio} workqueue ({@code WQ_SYSFS}, block/blk-cgroup.c, Tejun Heo's bio
     * punting for cgroup writeback): 5.2 (release recalled, unverified).
     */
    BLKCG_PUNT_BIO_WQ("5.2"),
    /**
     * Workqueue affinity scopes: {@code affinity_scope} and {@code affinity_strict} per unbound
     * workqueue (Tejun Heo): 6.5.
     */
    WQ_AFFINITY_SCOPE("6.5"),
    /**
     * Paolo Abeni's revert of "softirq: Let ksoftirqd do its job" (d15121be7485, posted 2023-05-08;
     * the 6.5 release is inferred, kernel-algorithms.md §1.4): {@code ksoftirqd_running} is gone,
     * so a pending softirq runs at the next interrupt exit or {@code local_bh_enable} on the CPU
     * even while ksoftirqd waits for it ({@link #KSOFTIRQD_RUNNING} no longer applies). The revert
     * names threaded NAPI as the answer to the softirq live-lock.
     */
    KSOFTIRQD_RUNNING_REVERTED("6.5"),
    /**
     * EEVDF replaces CFS's pick and wake-up preemption (Peter Zijlstra, 6.6): a woken fair task no
     * longer preempts the running one on its sleeper credit ({@code place_entity} less half of
     * {@code sched_latency} against {@code wakeup_granularity}); with {@code RUN_TO_PARITY} the
     * running task keeps the CPU to the end of its slice.
     */
    SCHED_EEVDF("6.6"),
    /**
     * {@code workqueue/cpumask_requested} and {@code cpumask_isolated} (Waiman Long's isolated-CPU
     * exclusion): 6.8 (release recalled, unverified).
     */
    WQ_CPUMASK_REQUESTED("6.8"),
    /**
     * {@code ethnl_set_channels} refuses counts below a configured RSS table with the extack
     * "requested channel counts are too low for existing indirection table (%d)" naming the
     * highest queue in use (Jakub Kicinski, "ethtool: fail closed if we can't get max channel used
     * in indirection tables", upstream 2899d58462ba, July 2024, backported to 6.10 stable): 6.11.
     * Before, the message was "... for existing indirection table settings".
     */
    ETHTOOL_RXFH_MAX_CHANNEL_EXTACK("6.11"),
    /**
     * The fair server replaces RT throttling (Peter Zijlstra, 5f6bd380c7bd "sched/rt: Remove
     * default bandwidth control", tip July 2024, first in 6.12: bisected there from 6.11 on LKML;
     * with a110a81c52a9 "sched/deadline: Deferrable dl server"): "Now that fair_server exists, we
     * no longer need RT bandwidth control unless RT_GROUP_SCHED. Enable fair_server with
     * parameters equivalent to RT throttling." Each CPU's fair server, a deferred SCHED_DEADLINE
     * entity of 50 ms runtime every 1000 ms period ({@code dl_server_start}), runs the fair class
     * when RT tasks have kept it off the CPU; {@code sched_rt_runtime_us} and
     * {@code sched_rt_period_us} throttle nothing without {@code CONFIG_RT_GROUP_SCHED} (the
     * model's kernels are built without it) and only serve SCHED_DEADLINE admission, so -1 no
     * longer starves the fair class.
     */
    FAIR_SERVER("6.12"),
    /**
     * A PCI device's {@code numa_node} is writable by CAP_SYS_ADMIN (Prarit Bhargava, 63692df103e9
     * "PCI: Allow numa_node override via sysfs", on top of 3.18-rc1): an online node or
     * {@code NUMA_NO_NODE}, with a {@code FW_BUG} alert and {@code TAINT_FIRMWARE_WORKAROUND}; before
     * it the file was 0444: 3.19. (Writing -1 was EINVAL until 3dcc8d39cf15, release not found:
     * the model accepts it throughout.)
     */
    PCI_NUMA_NODE_WRITABLE("3.19"),
    /**
     * {@code /sys/devices/system/cpu/isolated} (Rik van Riel, 59f30abe94bf "show isolated cpus in
     * sysfs", April 2015, through the driver-core tree): 4.2 (release recalled).
     */
    CPU_ISOLATED_ATTRIBUTE("4.2"),
    /**
     * {@code /sys/devices/system/node/has_generic_initiator} ({@code N_GENERIC_INITIATOR}, Jonathan
     * Cameron's ACPI generic initiator series): 5.10 (release recalled).
     */
    NODE_HAS_GENERIC_INITIATOR("5.10"),
    /**
     * {@code cpuN/topology/} gains {@code die_id}, {@code core_cpus}, {@code die_cpus} and
     * {@code package_cpus} (with their {@code _list}s) beside the older {@code thread_siblings} and
     * {@code core_siblings} (Len Brown, b73ed8dc0597 "topology: Create package_cpus sysfs
     * attribute" and 2e4c54dac7b3 "topology: Create core_cpus and die_cpus sysfs attributes", tip
     * 23 May 2019): 5.3 (release from the merge window, recalled).
     */
    CPU_TOPOLOGY_DIE("5.3"),
    /**
     * {@code cpuN/topology/cluster_id} and {@code cluster_cpus} (Jonathan Cameron, "topology:
     * Represent clusters of CPUs within a die"): 5.16 (release recalled).
     */
    CPU_TOPOLOGY_CLUSTER("5.16"),
    /**
     * A driver's {@code bind} file returns the probe's error (Christoph Hellwig, ef6dcbdd8eb2
     * "driver core: Flow the return code from ->probe() through to sysfs bind": {@code really_probe}
     * returns probe errors as positive values, {@code device_driver_attach} negates them,
     * {@code -EPROBE_DEFER} becomes {@code -EAGAIN}): 5.14 (merged through the VFIO tree,
     * "Merge branch 'hch-mdev-direct-v4' into v5.14/vfio/next"). Before it a failed probe left the
     * device unbound and the write still returned its length.
     */
    BIND_RETURNS_PROBE_ERROR("5.14"),
    /**
     * A failed probe is logged with {@code dev_err}: {@code e1000 0000:00:03.0: probe with driver
     * e1000 failed with error -22} (Nícolas F. R. A. Prado, 32de4b4f9dfa "driver: core: Log probe
     * failure as error and with device metadata", driver-core for 6.9-rc1): 6.9. Before it,
     * {@code pr_warn("%s: probe of %s failed with error %d")}: {@code e1000: probe of 0000:00:03.0
     * failed with error -22}. In both, -ENODEV and -ENXIO ("rejects match") are debug messages, not
     * in the log.
     */
    PROBE_FAILURE_DEV_ERR("6.9"),
    /**
     * {@code CONFIG_PREEMPT_DYNAMIC} (the {@code preempt=} boot option; Frederic Weisbecker, Peter
     * Zijlstra, Michal Hocko): 5.12 (release recalled), and the distributions' kernels enable it, so the version banner ({@code uname -v}, the boot log's
     * {@code Linux version} line) reads {@code #1 SMP PREEMPT_DYNAMIC} from then, {@code #1 SMP}
     * before.
     */
    PREEMPT_DYNAMIC("5.12");

    private final KernelVersion since;

    Behaviour(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
