package io.netmodel.shell.ip;

import io.netmodel.api.rtnl.LinkInfo;
import io.netmodel.api.rtnl.Rtnl;
import io.netmodel.api.rtnl.RtnlException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import io.netmodel.shell.cmd.Offline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ip link} over the model, with iproute2 6.1's arguments, output and errors
 * ({@code ip/ip.c}, {@code ip/iplink.c}, {@code ip/ipaddress.c}): {@code show [dev] NAME},
 * {@code set [dev] NAME up|down|mtu N}, the options {@code -s} (twice for errors), {@code -j},
 * {@code -p}, {@code -br}.
 */
@Command(name = "ip", description = "iproute2's 'ip link' on the model: show, set up/down, mtu; -s, -j, -p, -br, -o, -4/-6/-0, -V.",
    footer = {"", "Examples:", "  netmodel ip link", "  netmodel ip -s link show dev eth0",
        "  netmodel ip link set dev eth0 down", "  netmodel ip link set eth0 mtu 9000 up", "  netmodel ip -j link | jq .",
        "", "Only the link object is modelled; options besides -s, -j, -p, -br are refused."})
public final class IpCommand extends ModelCommand {
    private static final int IFF_UP = 0x1;
    /** iproute2's other objects: named so a refusal can say they are not modelled rather than unknown. */
    private static final List<String> OTHER_OBJECTS = List.of("address", "addrlabel", "maddress", "route", "rule",
        "neighbor", "neighbour", "ntable", "tunnel", "tuntap", "monitor", "xfrm", "mroute", "mrule", "netns",
        "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "stats", "tcpmetrics", "token", "l2tp", "fou", "macsec",
        "tcp_metrics", "netconf");

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "ip's own arguments: [OPTIONS] link COMMAND ...")
    List<String> args = new ArrayList<>();

    private int stats;
    private boolean json;
    private boolean pretty;
    private boolean brief;
    private boolean oneline;

    /** iproute2 options the model knows but does not offer: refused as such, not as unknown. */
    private static final List<String> NOT_MODELLED_OPTIONS = List.of("-details", "-resolve", "-netns", "-all", "-color",
        "-timestamp", "-tshort", "-human", "-iec", "-force", "-batch", "-rcvbuf", "-loops", "-numeric", "-echo",
        "-Numeric", "-rc");

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        Rtnl rtnl = daemon.host().rtnl().orElseThrow(() -> new ToolError("netmodel ip: the kernel model offers no rtnetlink", 1));
        return execute(rtnl, out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return execute(Offline.service(Rtnl.class), out, err);
    }

    /** The whole {@code ip} run against {@code rtnl}; errors as ToolError with iproute2's text and status. */
    int execute(Rtnl rtnl, PrintWriter out, PrintWriter err) throws ToolError {
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String opt = args.get(i);
            if (opt.startsWith("--")) {
                opt = opt.substring(1);
            }
            if (matches(opt, "-stats") || matches(opt, "-statistics")) {
                stats++;
            } else if (matches(opt, "-json")) {
                json = true;
            } else if (matches(opt, "-pretty")) {
                pretty = true;
            } else if (matches(opt, "-brief")) {
                brief = true;
            } else if (matches(opt, "-oneline")) {
                oneline = true;
            } else if (opt.equals("-4") || opt.equals("-6") || opt.equals("-0") || opt.equals("-B") || opt.equals("-M")) {
                // a protocol family: "ip link" lists every link whatever the family
            } else if (matches(opt, "-family")) {
                next(args, ++i); // as above, with the family named
            } else if (opt.equals("-V") || matches(opt, "-Version")) {
                out.println("ip utility, iproute2-6.1.0"); // the release whose arguments, output and errors this follows
                return 0;
            } else if (matches(opt, "-help")) {
                usage(err);
                return 255;
            } else if (notModelled(opt)) {
                throw new ToolError("netmodel ip: option \"" + args.get(i) + "\" is an iproute2 option this model does not "
                    + "offer (it has -s, -j, -p, -br, -o and the family options)", 1);
            } else {
                throw new ToolError("Option \"" + args.get(i) + "\" is unknown, try \"ip -help\".", 255);
            }
        }
        if (i == args.size()) {
            usage(err);
            return 255;
        }
        String object = args.get(i++);
        if (matches(object, "help")) {
            usage(err); // usage(): to stderr, exit(-1)
            return 255;
        }
        if (!matches(object, "link")) {
            for (String o : OTHER_OBJECTS) {
                if (matches(object, o)) {
                    throw new ToolError("netmodel ip: \"ip " + o + "\" is not modelled; only \"ip link\" is", 1);
                }
            }
            throw new ToolError("Object \"" + object + "\" is unknown, try \"ip help\".", 1);
        }
        List<String> rest = args.subList(i, args.size());
        if (rest.isEmpty() || matches(rest.get(0), "show") || matches(rest.get(0), "lst") || matches(rest.get(0), "list")) {
            return show(rtnl, rest.isEmpty() ? rest : rest.subList(1, rest.size()), out);
        }
        if (matches(rest.get(0), "set")) {
            return set(rtnl, rest.subList(1, rest.size()));
        }
        if (matches(rest.get(0), "help")) {
            usage(err);
            return 255;
        }
        throw new ToolError("Command \"" + rest.get(0) + "\" is unknown, try \"ip link help\".", 255);
    }

    private static boolean notModelled(String opt) {
        for (String o : NOT_MODELLED_OPTIONS) {
            if (matches(opt, o)) {
                return true;
            }
        }
        return false;
    }

    /** iproute2's {@code matches(arg, word)}: a non-empty prefix of the word. */
    static boolean matches(String arg, String word) {
        return !arg.isEmpty() && word.startsWith(arg);
    }

    private int show(Rtnl rtnl, List<String> a, PrintWriter out) throws ToolError {
        String dev = null;
        boolean upOnly = false;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            if (t.equals("dev")) {
                dev = next(a, ++i);
            } else if (t.equals("up")) {
                upOnly = true;
            } else if (dev == null) {
                dev = t;
            } else {
                throw new ToolError("Error: either \"dev\" is duplicate, or \"" + t + "\" is a garbage.", 255);
            }
        }
        List<LinkInfo> links = new ArrayList<>();
        for (LinkInfo l : rtnl.links()) {
            if ((dev == null || l.name().equals(dev)) && (!upOnly || (l.flags() & IFF_UP) != 0)) {
                links.add(l);
            }
        }
        String wanted = dev;
        if (wanted != null && rtnl.links().stream().noneMatch(l -> l.name().equals(wanted))) {
            throw new ToolError("Device \"" + wanted + "\" does not exist.", 1);
        }
        if (json) {
            Json j = new Json(pretty);
            j.beginArray();
            for (LinkInfo l : links) {
                LinkFormat.json(j, l, stats);
            }
            j.endArray();
            out.print(j + "\n");
        } else {
            for (LinkInfo l : links) {
                String text = brief ? LinkFormat.brief(l) : LinkFormat.text(l, stats);
                // -o: the record's line breaks become "\" (_SL_), its indentation stays
                out.print(oneline && !brief ? text.substring(0, text.length() - 1).replace("\n", "\\") + "\n" : text);
            }
        }
        out.flush();
        return 0;
    }

    private int set(Rtnl rtnl, List<String> a) throws ToolError {
        String dev = null;
        Integer mtu = null;
        Boolean up = null;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            if (t.equals("up")) {
                up = true;
            } else if (t.equals("down")) {
                up = false;
            } else if (t.equals("mtu")) {
                String v = next(a, ++i);
                mtu = parseInt(v);
            } else if (t.equals("dev")) {
                dev = next(a, ++i);
            } else if (dev == null) {
                dev = t;
            } else {
                throw new ToolError("Error: either \"dev\" is duplicate, or \"" + t + "\" is a garbage.", 255);
            }
        }
        if (dev == null) {
            throw new ToolError("Not enough information: \"dev\" argument is required.", 255);
        }
        String name = dev;
        if (rtnl.links().stream().noneMatch(l -> l.name().equals(name))) {
            throw new ToolError("Cannot find device \"" + dev + "\"", 1);
        }
        try {
            if (mtu != null) { // do_setlink: IFLA_MTU before the flags; a refused MTU leaves the flags
                rtnl.setMtu(dev, mtu);
            }
            if (up != null) {
                rtnl.setUp(dev, up);
            }
        } catch (RtnlException e) {
            throw new ToolError(e.extack() != null ? "Error: " + e.extack() + "."
                : "RTNETLINK answers: " + Errno.strerror(e.errno()), 2);
        }
        return 0;
    }

    private static String next(List<String> a, int i) throws ToolError {
        if (i >= a.size()) {
            throw new ToolError("Command line is not complete. Try option \"help\"", 255);
        }
        return a.get(i);
    }

    /** {@code get_integer(&mtu, arg, 0)}: strtol base 0, the whole word, within int. */
    private static int parseInt(String v) throws ToolError {
        try {
            String s = v;
            boolean neg = s.startsWith("-");
            if (neg || s.startsWith("+")) {
                s = s.substring(1);
            }
            long n;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                n = Long.parseLong(s.substring(2), 16);
            } else if (s.length() > 1 && s.startsWith("0")) {
                n = Long.parseLong(s.substring(1), 8);
            } else {
                n = Long.parseLong(s);
            }
            n = neg ? -n : n;
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new ToolError("Error: argument \"" + v + "\" is wrong: Invalid \"mtu\" value", 255);
        }
    }

    private static void usage(PrintWriter w) {
        w.println("Usage: ip [ OPTIONS ] link { COMMAND | help }");
        w.println("       ip link show [ [dev] NAME ] [ up ]");
        w.println("       ip link set [ dev ] NAME [ up | down ] [ mtu MTU ]");
        w.println("OPTIONS := { -V[ersion] | -s[tatistics] | -j[son] | -p[retty] | -br[ief] | -o[neline] |");
        w.println("             -4 | -6 | -0 | -f[amily] FAMILY }");
        w.println("(netmodel models the link object only)");
        w.flush();
    }
}
