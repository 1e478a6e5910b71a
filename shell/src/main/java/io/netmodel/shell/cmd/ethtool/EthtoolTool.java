package io.netmodel.shell.cmd.ethtool;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.api.ethtool.EthtoolStat;
import io.netmodel.api.ethtool.Features;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.vfs.Errno;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ethtool 6.1's command line over the model's {@link EthtoolService}: argument parsing
 * ({@code ethtool.c} {@code args[]}, {@code netlink/parser.c}), the netlink error reports
 * ({@code netlink error: MSG (offset N)} then {@code netlink error: STRERROR}, offsets computed
 * from the request layout ethtool builds) and each mode's exit codes, as ethtool 6.1 prints them.
 */
public final class EthtoolTool {
    private final EthtoolService svc;

    public EthtoolTool(EthtoolService svc) {
        this.svc = svc;
    }

    static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Usage(String message, int code) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static Usage badArgs() {
        return new Usage("ethtool: bad command line argument(s)\nFor more information run ethtool -h", 1);
    }

    public int run(List<String> argv, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(new ArrayList<>(argv), out, err);
        } catch (Usage u) {
            err.println(u.getMessage());
            return u.code;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> args, PrintWriter out, PrintWriter err) throws Usage {
        boolean jsonFlag = false;
        while (!args.isEmpty() && args.get(0).equals("--json")) {
            jsonFlag = true;
            args.remove(0);
        }
        final boolean json = jsonFlag;
        if (args.isEmpty()) {
            throw badArgs();
        }
        String mode = args.get(0);
        if (mode.equals("-h") || mode.equals("--help")) {
            out.print(HELP);
            return 0;
        }
        if (mode.equals("--version")) {
            out.println("ethtool version 6.1"); // the release whose output and errors this tool follows
            return 0;
        }
        if (!mode.startsWith("-")) {
            if (json) {
                throw badArgs(); // ethtool 6.1: --json only where the command supports it, not here
            }
            return settings(args, out, err);
        }
        if (args.size() < 2) {
            throw badArgs();
        }
        String dev = args.get(1);
        List<String> params = args.subList(2, args.size());
        switch (mode) {
            case "-i": case "--driver": return read(dev, params, () -> show(json, out,
                json ? EthtoolFormat.drvinfoJson(dev, svc.getDrvinfo(dev)) : EthtoolFormat.drvinfo(svc.getDrvinfo(dev))),
                e -> ioctlError(err, "Cannot get driver information", e, 71));
            case "-c": case "--show-coalesce": return read(dev, params, () -> {
                int sup = svc.supportedCoalesceParams(dev);
                show(json, out, json ? EthtoolFormat.coalesceJson(dev, svc.getCoalesce(dev), sup)
                    : EthtoolFormat.coalesce(dev, svc.getCoalesce(dev), sup));
            }, e -> netlinkError(err, e, dev, List.of(), 1));
            case "-g": case "--show-ring": return read(dev, params, () -> show(json, out,
                json ? EthtoolFormat.ringsJson(dev, svc.getRingparam(dev)) : EthtoolFormat.rings(dev, svc.getRingparam(dev))),
                e -> netlinkError(err, e, dev, List.of(), 1));
            case "-l": case "--show-channels": return read(dev, params, () -> show(json, out,
                json ? EthtoolFormat.channelsJson(dev, svc.getChannels(dev)) : EthtoolFormat.channels(dev, svc.getChannels(dev))),
                e -> netlinkError(err, e, dev, List.of(), 1));
            case "-k": case "--show-features": case "--show-offload": return read(dev, params, () -> show(json, out,
                json ? EthtoolFormat.featuresJson(dev, svc.getFeatures(dev)) : EthtoolFormat.features(dev, svc.getFeatures(dev))),
                e -> netlinkError(err, e, dev, List.of(), 1));
            case "-T": case "--show-time-stamping": return read(dev, params, () -> show(json, out,
                json ? EthtoolFormat.tsinfoJson(dev, svc.getTsInfo(dev)) : EthtoolFormat.tsinfo(dev, svc.getTsInfo(dev))),
                e -> netlinkError(err, e, dev, List.of(), 1));
            case "-S": case "--statistics": return read(dev, params, () -> {
                List<EthtoolStat> stats = svc.getStats(dev);
                show(json, out, json ? EthtoolFormat.statsJson(dev, stats) : EthtoolFormat.stats(stats));
            }, e -> e.errno() == Errno.EOPNOTSUPP ? noStats(err) : ioctlError(err, "Cannot get stats strings information", e, 96));
            case "-x": case "--show-rxfh-indir": case "--show-rxfh": return showRxfh(dev, params, json, out, err);
            case "-X": case "--set-rxfh-indir": case "--rxfh": return EthtoolRxfhSet.run(svc, dev, params, err);
            case "-G": case "--set-ring": return setRings(dev, params, err);
            case "-L": case "--set-channels": return setChannels(dev, params, err);
            case "-C": case "--coalesce": return setCoalesce(dev, params, err);
            case "-K": case "--features": case "--offload": return setFeatures(dev, params, out, err);
            case "-P": case "--show-permaddr":
                if (json) {
                    throw badArgs(); // 6.1: no JSON for -P
                }
                return permaddr(dev, out, err);
            default:
                if (NOT_OFFERED.contains(mode)) {
                    throw new Usage("netmodel ethtool: " + mode + " is an ethtool 6.1 mode this model does not offer "
                        + "(it has DEVNAME, -i, -c/-C, -g/-G, -l/-L, -k/-K, -P, -S, -T and -x/-X; see netmodel ethtool -h)", 1);
                }
                throw badArgs();
        }
    }

    /**
     * {@code -P} ({@code nl_permaddr}, netlink/permaddr.c): {@code IFLA_PERM_ADDRESS} of the
     * link, or "not set" when the kernel leaves it out ({@code lo}); parameters after the device
     * are ignored, as 6.1 ignores them. An unknown device: the netlink error, exit 1.
     */
    private int permaddr(String dev, PrintWriter out, PrintWriter err) {
        try {
            out.print(EthtoolFormat.permaddr(svc.getPermAddr(dev)));
            return 0;
        } catch (EthtoolException e) {
            err.println("netlink error: " + Errno.strerror(e.errno()));
            return 1;
        }
    }

    /** ethtool 6.1's other modes ({@code ethtool -h}): named as not offered, not as bad arguments. */
    private static final java.util.Set<String> NOT_OFFERED = java.util.Set.of("-s", "--change", "-a", "--show-pause", "-A",
        "--pause", "-d", "--register-dump", "-e", "--eeprom-dump", "-E", "--change-eeprom", "-r", "--negotiate", "-p",
        "--identify", "-t", "--test", "--phy-statistics", "-n", "-u", "--show-nfc", "--show-ntuple", "-N", "-U",
        "--config-nfc", "--config-ntuple", "-f", "--flash", "-w", "--get-dump", "-W",
        "--set-dump", "--show-priv-flags", "--set-priv-flags", "-m", "--dump-module-eeprom", "--module-info",
        "--show-eee", "--set-eee", "--set-phy-tunable", "--get-phy-tunable", "--get-tunable", "--set-tunable", "--reset",
        "--show-fec", "--set-fec", "-Q", "--per-queue", "--cable-test", "--cable-test-tdr", "--show-tunnels",
        "--show-module", "--set-module", "--monitor");

    /**
     * {@code do_grxfh} (ioctl in ethtool 6.1): {@code ETHTOOL_GRXRINGS}, then {@code ETHTOOL_GRSSH};
     * a driver without {@code get_rxfh} falls back to {@code ETHTOOL_GRXFHINDIR}, which the kernel
     * refuses the same way. Every failure is {@code perror} and exit 1. {@code context N} (RSS
     * contexts) is not modelled and is a bad argument here.
     */
    private int showRxfh(String dev, List<String> params, boolean json, PrintWriter out, PrintWriter err) throws Usage {
        if (!params.isEmpty()) {
            throw badArgs();
        }
        int rings;
        try {
            rings = svc.getRxRings(dev);
        } catch (EthtoolException e) {
            return ioctlError(err, "Cannot get RX ring count", e, 1);
        }
        io.netmodel.api.ethtool.Rxfh r;
        try {
            r = svc.getRxfh(dev);
        } catch (EthtoolException e) {
            return ioctlError(err, e.errno() == Errno.EOPNOTSUPP ? "Cannot get RX flow hash indirection table size"
                : "Cannot get RX flow hash indir size and/or key size", e, 1);
        }
        show(json, out, json ? EthtoolFormat.rxfhJson(dev, rings, r) : EthtoolFormat.rxfh(dev, rings, r));
        return 0;
    }

    /** {@code perror(MSG)} for an ioctl-based mode, with the given exit code. */
    static int perror(PrintWriter err, String what, EthtoolException e, int code) {
        return ioctlError(err, what, e, code);
    }

    private static int noStats(PrintWriter err) {
        err.println("no stats available");
        return 94;
    }

    private static void show(boolean json, PrintWriter out, String text) {
        out.print(text);
    }

    private interface Body {
        void run() throws EthtoolException;
    }

    private interface OnError {
        int handle(EthtoolException e);
    }

    private static int read(String dev, List<String> params, Body body, OnError onError) throws Usage {
        if (!params.isEmpty()) {
            throw new Usage("ethtool: unexpected parameter '" + params.get(0) + "'", 1);
        }
        try {
            body.run();
            return 0;
        } catch (EthtoolException e) {
            return onError.handle(e);
        }
    }

    /** ioctl-based modes ({@code -i}, {@code -S}): {@code perror(MSG)}. */
    private static int ioctlError(PrintWriter err, String what, EthtoolException e, int code) {
        err.println(what + ": " + Errno.strerror(e.errno()));
        return code;
    }

    /**
     * {@code nlsock_process_ack}: the extack message with the offending attribute's offset, then the
     * errno. {@code attrs} is the request's attributes in the order ethtool put them (after the
     * header), each 8 bytes ({@code u32} or padded {@code u8}).
     */
    private static int netlinkError(PrintWriter err, EthtoolException e, String dev, List<Object> attrs, int code) {
        if (e.extack() != null) {
            String offset = "";
            int headerEnd = 20 + 4 + pad4(4 + dev.length() + 1);
            if (EthtoolException.DEV_NAME.equals(e.badAttr())) {
                offset = " (offset 24)";
            } else if (e.badAttr() != null && attrs.contains(e.badAttr())) {
                offset = " (offset " + (headerEnd + 8 * attrs.indexOf(e.badAttr())) + ")";
            }
            err.println("netlink error: " + e.extack() + offset);
        }
        err.println("netlink error: " + Errno.strerror(e.errno()));
        return code;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** {@code nl_parse_direct_u32}: a decimal/hex/octal u32 ({@code strtoul} base 0 with range check). */
    private static long parseU32(String mode, String name, String value) throws Usage {
        try {
            long v;
            if (value.startsWith("0x") || value.startsWith("0X")) {
                v = Long.parseLong(value.substring(2), 16);
            } else if (value.length() > 1 && value.startsWith("0")) {
                v = Long.parseLong(value.substring(1), 8);
            } else {
                v = Long.parseLong(value);
            }
            if (v < 0 || v > 0xffff_ffffL) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Usage("ethtool (" + mode + "): invalid value '" + value + "' for parameter '" + name + "'", 1);
        }
    }

    /** {@code nl_parse_u8bool}: on/off. */
    private static long parseBool(String mode, String name, String value) throws Usage {
        if (value.equals("on")) {
            return 1;
        }
        if (value.equals("off")) {
            return 0;
        }
        throw new Usage("ethtool (" + mode + "): invalid value '" + value + "' for parameter '" + name + "'", 1);
    }

    /** {@code nl_parser} with {@code PARSER_GROUP_NONE}: NAME VALUE pairs, attributes in argv order. */
    private static <P> LinkedHashMap<P, Long> parsePairs(String mode, List<String> params, Map<String, P> names,
                                                         java.util.function.Predicate<P> isBool) throws Usage {
        LinkedHashMap<P, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i += 2) {
            String name = params.get(i);
            P p = names.get(name);
            if (p == null) {
                throw new Usage("ethtool (" + mode + "): unknown parameter '" + name + "'", 1);
            }
            if (i + 1 >= params.size()) {
                throw new Usage("ethtool (" + mode + "): no value for parameter '" + name + "'", 1);
            }
            String v = params.get(i + 1);
            out.remove(p);
            out.put(p, isBool.test(p) ? parseBool(mode, name, v) : parseU32(mode, name, v));
        }
        return out;
    }

    private int setRings(String dev, List<String> params, PrintWriter err) throws Usage {
        Map<String, RingSize> names = new LinkedHashMap<>();
        for (RingSize p : RingSize.values()) {
            names.put(p.ethtoolName(), p);
        }
        LinkedHashMap<RingSize, Long> req = parsePairs("-G", params, names, p -> false);
        if (req.isEmpty()) {
            return 0;
        }
        try {
            svc.setRingparam(dev, req);
            return 0;
        } catch (EthtoolException e) {
            return netlinkError(err, e, dev, new ArrayList<>(req.keySet()), 81);
        }
    }

    private int setChannels(String dev, List<String> params, PrintWriter err) throws Usage {
        Map<String, ChannelParam> names = new LinkedHashMap<>();
        for (ChannelParam p : ChannelParam.values()) {
            names.put(p.ethtoolName(), p);
        }
        LinkedHashMap<ChannelParam, Long> req = parsePairs("-L", params, names, p -> false);
        if (req.isEmpty()) {
            return 0;
        }
        try {
            svc.setChannels(dev, req);
            return 0;
        } catch (EthtoolException e) {
            return netlinkError(err, e, dev, new ArrayList<>(req.keySet()), 1);
        }
    }

    private int setCoalesce(String dev, List<String> params, PrintWriter err) throws Usage {
        Map<String, CoalesceParam> names = new LinkedHashMap<>();
        for (CoalesceParam p : CoalesceParam.values()) {
            names.put(p.ethtoolName(), p);
        }
        LinkedHashMap<CoalesceParam, Long> req = parsePairs("-C", params, names, CoalesceParam::isFlag);
        if (req.isEmpty()) {
            return 0;
        }
        try {
            svc.setCoalesce(dev, req);
            return 0;
        } catch (EthtoolException e) {
            return netlinkError(err, e, dev, new ArrayList<>(req.keySet()), 1);
        }
    }

    /**
     * {@code nl_sfeatures}: NAME on|off pairs; a legacy name expands to its features; an unknown
     * name is sent as is and the kernel answers "bit name not found". Then
     * {@code show_feature_changes} and "Could not change any device features".
     */
    private int setFeatures(String dev, List<String> params, PrintWriter out, PrintWriter err) throws Usage {
        LinkedHashMap<NetdevFeature, Boolean> req = new LinkedHashMap<>();
        int offset = 20 + 4 + pad4(4 + dev.length() + 1) + 8 + 4 + 4; // header (name, flags), WANTED, BITS
        for (int i = 0; i < params.size(); i += 2) {
            String name = params.get(i);
            String value = i + 1 < params.size() ? params.get(i + 1) : null;
            if (value == null || !(value.equals("on") || value.equals("off"))) {
                throw new Usage("ethtool (-K): flag '" + (value == null ? "(null)" : value) + "' for parameter '"
                    + (value == null ? "(null)" : name) + "' is not followed by 'on' or 'off'", 1);
            }
            boolean on = value.equals("on");
            EthtoolFeatureNames.Legacy legacy = EthtoolFeatureNames.legacyNamed(name);
            List<String> bits = new ArrayList<>();
            if (legacy != null) {
                for (NetdevFeature f : legacy.features()) {
                    bits.add(f.ethtoolName());
                }
            } else {
                bits.add(name);
            }
            for (String bit : bits) {
                NetdevFeature f = NetdevFeature.byEthtoolName(bit);
                if (f == null) {
                    return netlinkError(err, new EthtoolException(Errno.EOPNOTSUPP, "bit name not found"),
                        dev, List.of(), 92, offset + 4);
                }
                req.remove(f);
                req.put(f, on);
                offset += 4 + pad4(4 + bit.length() + 1) + (on ? 4 : 0);
            }
        }
        try {
            Features before = svc.getFeatures(dev);
            Features after = svc.setFeatures(dev, req);
            EnumSet<NetdevFeature> wantedDiff = EnumSet.noneOf(NetdevFeature.class);
            EnumSet<NetdevFeature> activeDiff = EnumSet.noneOf(NetdevFeature.class);
            for (NetdevFeature f : NetdevFeature.values()) {
                if (req.containsKey(f) && req.get(f) != after.active().contains(f)) {
                    wantedDiff.add(f);
                }
                if (before.active().contains(f) != after.active().contains(f)) {
                    activeDiff.add(f);
                }
            }
            boolean nothingChanged = wantedDiff.equals(req.keySet().isEmpty()
                ? EnumSet.noneOf(NetdevFeature.class) : EnumSet.copyOf(req.keySet()));
            EnumSet<NetdevFeature> unrequested = EnumSet.copyOf(activeDiff);
            unrequested.removeAll(req.keySet());
            if (!wantedDiff.isEmpty() || !unrequested.isEmpty()) {
                out.println("Actual changes:");
                for (NetdevFeature f : NetdevFeature.values()) {
                    if (!wantedDiff.contains(f) && !activeDiff.contains(f)) {
                        continue;
                    }
                    String active = after.active().contains(f) ? "on" : "off";
                    if (wantedDiff.contains(f)) {
                        out.println(f.ethtoolName() + ": " + active + " [requested " + (req.get(f) ? "on" : "off") + "]");
                    } else if (!req.containsKey(f)) {
                        out.println(f.ethtoolName() + ": " + active + " [not requested]");
                    } else {
                        out.println(f.ethtoolName() + ": " + active);
                    }
                }
            }
            if (nothingChanged) {
                err.println("Could not change any device features");
                return 1;
            }
            return 0;
        } catch (EthtoolException e) {
            return netlinkError(err, e, dev, List.of(), 92);
        }
    }

    private static int netlinkError(PrintWriter err, EthtoolException e, String dev, List<Object> attrs, int code,
                                    int offset) {
        err.println("netlink error: " + e.extack() + " (offset " + offset + ")");
        err.println("netlink error: " + Errno.strerror(e.errno()));
        return code;
    }

    /**
     * {@code ethtool DEVNAME}: the link settings when the driver has {@code get_link_ksettings}
     * (virtio_net from 4.6), then the link state, which is all a device without them shows
     * ({@code lo}, and the drivers whose link modes the model does not carry yet); an unknown
     * device gets the five failed netlink requests and "No data available" (exit 75), as ethtool
     * 6.1 prints them.
     */
    private int settings(List<String> args, PrintWriter out, PrintWriter err) throws Usage {
        String dev = args.get(0);
        if (args.size() > 1) {
            throw new Usage("ethtool: unexpected parameter '" + args.get(1) + "'", 1);
        }
        try {
            boolean link = svc.getLink(dev);
            String settings = "";
            try {
                settings = EthtoolFormat.linkKsettings(svc.getLinkKsettings(dev));
            } catch (EthtoolException e) {
                if (e.errno() != Errno.EOPNOTSUPP) {
                    throw e;
                }
            }
            out.println("Settings for " + dev + ":");
            out.print(settings);
            out.println("\tLink detected: " + (link ? "yes" : "no"));
            return 0;
        } catch (EthtoolException e) {
            for (int i = 0; i < 5; i++) {
                netlinkError(err, e, dev, List.of(), 1);
            }
            err.println("No data available");
            return 75;
        }
    }

    static final String HELP = String.join("\n",
        "netmodel ethtool: ethtool 6.1's command line on the model's devices",
        "Usage:",
        "        ethtool DEVNAME\tDisplay standard information about device",
        "        ethtool [--json] -i|--driver DEVNAME\tShow driver information",
        "        ethtool [--json] -c|--show-coalesce DEVNAME\tShow coalesce options",
        "        ethtool -C|--coalesce DEVNAME\tSet coalesce options",
        "                [adaptive-rx on|off] [adaptive-tx on|off] [rx-usecs N] [rx-frames N]",
        "                [rx-usecs-irq N] [rx-frames-irq N] [tx-usecs N] [tx-frames N] [tx-usecs-irq N]",
        "                [tx-frames-irq N] [stats-block-usecs N] [pkt-rate-low N] [rx-usecs-low N]",
        "                [rx-frames-low N] [tx-usecs-low N] [tx-frames-low N] [pkt-rate-high N]",
        "                [rx-usecs-high N] [rx-frames-high N] [tx-usecs-high N] [tx-frames-high N]",
        "                [sample-interval N] [cqe-mode-rx on|off] [cqe-mode-tx on|off]",
        "        ethtool [--json] -g|--show-ring DEVNAME\tQuery RX/TX ring parameters",
        "        ethtool -G|--set-ring DEVNAME\tSet RX/TX ring parameters",
        "                [ rx N ] [ rx-mini N ] [ rx-jumbo N ] [ tx N ]",
        "        ethtool [--json] -k|--show-features|--show-offload DEVNAME\tGet state of protocol offload and other features",
        "        ethtool -K|--features|--offload DEVNAME\tSet protocol offload and other features",
        "                FEATURE on|off ...",
        "        ethtool [--json] -S|--statistics DEVNAME\tShow adapter statistics",
        "        ethtool [--json] -T|--show-time-stamping DEVNAME\tShow time stamping capabilities",
        "        ethtool -P|--show-permaddr DEVNAME\tShow permanent hardware address",
        "        ethtool [--json] -l|--show-channels DEVNAME\tQuery Channels",
        "        ethtool -L|--set-channels DEVNAME\tSet Channels",
        "                [ rx N ] [ tx N ] [ other N ] [ combined N ]",
        "        ethtool [--json] -x|--show-rxfh-indir|--show-rxfh DEVNAME\tShow Rx flow hash indirection table and/or RSS hash key",
        "        ethtool -X|--set-rxfh-indir|--rxfh DEVNAME\tSet Rx flow hash indirection table and/or RSS hash key",
        "                [ equal N | weight W0 W1 ... | default ]",
        "                [ hkey %x:%x:%x:%x:%x:.... ]",
        "                (hfunc, context and delete are not modelled)",
        "        ethtool -h|--help\t\tShow this help",
        "",
        "--json works on every read form here but DEVNAME alone (ethtool 6.1 itself has it for -k only).",
        "",
        "Examples:",
        "  (on up --nic ixgbe --cpus 4 --queues 4; virtio_net refuses -C, -G 1024 and -X",
        "  as the real driver on QEMU does)",
        "  netmodel ethtool -i eth0",
        "  netmodel ethtool -C eth0 rx-usecs 50",
        "  netmodel ethtool -G eth0 rx 1024",
        "  netmodel ethtool -X eth0 weight 1 1 0 0",
        "  netmodel ethtool -K eth0 gro off",
        "  netmodel ethtool -L eth0 combined 2",
        "  netmodel ethtool --json -c eth0 | jq '.[0][\"rx-usecs\"]'",
        "");
}
