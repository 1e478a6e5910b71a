package io.netmodel.shell.cmd.ynl;

import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.vfs.Errno;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ynl's {@code cli.py} over the model's {@link NetdevFamily}: parse the command line, load
 * {@code --json} with Python's rules, encode the attributes as {@code YnlFamily._add_attr}
 * does ({@code int(value)}, else the enum entry's value; {@code struct.pack} range checks),
 * send, decode the reply (enums to names, flag sets to sets) and print it with {@code pprint}
 * or {@code json.dumps}. A netlink error prints as {@code NlError} does, on stdout, exit 1; a
 * Python exception prints a traceback ending in the exception line on stderr, exit 1; an
 * argparse error prints usage, exit 2. As in the real tool, a command line with neither
 * {@code --do} nor {@code --dump} sends nothing and exits 0.
 */
public final class Ynl {
    static final String SPEC_DIR = "/usr/share/ynl/specs";

    /** A Python exception escaping {@code main()}: {@code Type: message}. */
    static final class PyException extends Exception {
        private static final long serialVersionUID = 1L;

        PyException(String line) {
            super(line, null, false, false);
        }
    }

    private final NetdevFamily family;

    public Ynl(NetdevFamily family) {
        this.family = family;
    }

    /** Runs {@code ynl ARGV}; returns the exit status. */
    public int run(List<String> argv, PrintWriter out, PrintWriter err) {
        YnlArgs args;
        try {
            args = YnlArgs.parse(argv);
        } catch (YnlArgs.UsageError e) {
            err.print(YnlArgs.USAGE);
            err.println("ynl: error: " + e.getMessage());
            return 2;
        }
        if (args.help) {
            out.print(help());
            return 0;
        }
        try {
            return main(args, out);
        } catch (PyException e) {
            out.flush();
            err.println("Traceback (most recent call last):");
            err.println("  File \"/usr/bin/ynl\", line 8, in <module>");
            err.println("    sys.exit(main())");
            err.println(e.getMessage());
            return 1;
        }
    }

    private int main(YnlArgs args, PrintWriter out) throws PyException {
        if (args.listFamilies) {
            out.println("netdev");
            return 0;
        }
        Object attrs = new LinkedHashMap<String, Object>();
        if (args.jsonText != null && !args.jsonText.isEmpty()) {
            try {
                attrs = PyJson.loads(args.jsonText);
            } catch (PyJson.DecodeError e) {
                throw new PyException("json.decoder.JSONDecodeError: " + e.getMessage());
            }
        }
        String spec = args.family != null ? SPEC_DIR + "/" + args.family + ".yaml" : args.spec;
        if (!spec.equals("netdev.yaml") && !spec.endsWith("/netdev.yaml")) {
            throw new PyException("Exception: Spec file " + spec + " does not exist");
        }
        if (!family.registered()) {
            throw new PyException("lib.ynl.YnlException: Family 'netdev' not supported by the kernel");
        }
        if (args.subscribe != null) {
            throw new PyException("lib.ynl.YnlException: Multicast group \"" + args.subscribe
                + "\" not present in the family (netmodel: notifications are not modelled)");
        }
        if (args.listOps) {
            for (NetdevSpec.Op op : NetdevSpec.OPS) {
                out.println(op.name() + "  [ " + String.join(", ", op.modes()) + " ]");
            }
        }
        if (args.listMsgs) {
            for (NetdevSpec.Op op : NetdevSpec.OPS) {
                out.println(op.name() + "  [ " + String.join(", ", op.modes()) + " ]");
            }
        }
        if (args.multi) {
            throw new PyException("NotImplementedError: netmodel ynl: --multi is not modelled");
        }
        NetdevSpec.Op op = null;
        try {
            if (args.doOp != null) {
                op = op(args.doOp);
                Map<String, Object> reply = family.doit(op.name(), encode(op, attrs));
                output(args, reply == null ? null : decode(op, reply, args.family != null), out);
            }
            if (args.dumpOp != null) {
                op = op(args.dumpOp);
                List<Object> list = new ArrayList<>();
                for (Map<String, Object> msg : family.dumpit(op.name(), encode(op, attrs))) {
                    list.add(decode(op, msg, args.family != null));
                }
                output(args, list, out);
            }
        } catch (NetlinkException e) {
            out.println(nlError(e, op.attrSet()));
            return 1;
        }
        return 0;
    }

    private static void output(YnlArgs args, Object msg, PrintWriter out) {
        if (args.outputJson) {
            out.println(PyFormat.dumps(msg));
        } else {
            out.print(PyFormat.pprint(msg));
        }
    }

    /** {@code self.ops[method]}: a KeyError for an operation the spec lacks. */
    private static NetdevSpec.Op op(String name) throws PyException {
        NetdevSpec.Op op = NetdevSpec.op(name);
        if (op == null) {
            throw new PyException("KeyError: " + PyFormat.reprStr(name));
        }
        return op;
    }

    /** {@code _encode_message}: every JSON key through {@code _add_attr} of the op's attribute set. */
    private static Map<String, Long> encode(NetdevSpec.Op op, Object vals) throws PyException {
        if (!(vals instanceof Map<?, ?> map)) {
            throw new PyException("AttributeError: '" + pyType(vals) + "' object has no attribute 'items'");
        }
        Map<String, Long> req = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            NetdevSpec.Attr attr = NetdevSpec.attr(op.attrSet(), name);
            if (attr == null) {
                throw new PyException("lib.ynl.YnlException: Space '" + op.attrSet() + "' has no attribute '" + name + "'");
            }
            if (attr.kind() == NetdevSpec.Kind.PAD || attr.kind() == NetdevSpec.Kind.NEST) {
                throw new PyException("lib.ynl.YnlException: netmodel ynl: attribute '" + name + "' ("
                    + attr.kind().name().toLowerCase() + ") cannot be sent to the model");
            }
            BigInteger v = scalar(attr, e.getValue());
            req.put(name, pack(attr, v));
        }
        return req;
    }

    /** {@code _get_scalar}: {@code int(value)}, and for an enum attribute the entry's value instead. */
    private static BigInteger scalar(NetdevSpec.Attr attr, Object value) throws PyException {
        try {
            return PyInt.of(value);
        } catch (PyException notInt) {
            if (attr.enumEntries() == null) {
                throw notInt;
            }
            if (attr.flags()) {
                List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value == null ? "" : value);
                BigInteger sum = BigInteger.ZERO;
                for (Object item : items) {
                    sum = sum.add(BigInteger.ONE.shiftLeft(entry(attr, item)));
                }
                return sum;
            }
            return BigInteger.valueOf(entry(attr, value));
        }
    }

    private static int entry(NetdevSpec.Attr attr, Object name) throws PyException {
        if (name instanceof List || name instanceof Map) {
            throw new PyException("TypeError: unhashable type: '" + pyType(name) + "'");
        }
        int i = name instanceof String s ? attr.enumEntries().indexOf(s) : -1;
        if (i < 0) {
            throw new PyException("KeyError: " + PyFormat.repr(name, false));
        }
        return i;
    }

    /** {@code struct.pack} with the attribute's format: 'I' for u32, 'Q' for u64, by size for uint. */
    private static long pack(NetdevSpec.Attr attr, BigInteger v) throws PyException {
        boolean u32 = attr.kind() == NetdevSpec.Kind.U32
            || (attr.kind() == NetdevSpec.Kind.UINT && v.bitLength() + (v.signum() < 0 ? 1 : 0) <= 32);
        if (v.signum() < 0) {
            throw new PyException("struct.error: argument out of range");
        }
        if (u32 && v.bitLength() > 32) {
            throw new PyException("struct.error: 'I' format requires 0 <= number <= 4294967295");
        }
        if (v.bitLength() > 64) {
            throw new PyException("struct.error: argument out of range");
        }
        return v.longValue();
    }

    /** {@code _decode}: enums to their names ({@code Unknown(N)} with --family), flags to sets, nests to dicts. */
    private static Map<String, Object> decode(NetdevSpec.Op op, Map<String, Object> msg, boolean processUnknown)
        throws PyException {
        Map<String, Object> rsp = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : msg.entrySet()) {
            NetdevSpec.Attr attr = NetdevSpec.attr(op.attrSet(), e.getKey());
            Object v = e.getValue();
            if (attr != null && attr.enumEntries() != null && v instanceof Long raw) {
                if (attr.flags()) {
                    Set<String> set = new LinkedHashSet<>();
                    for (int bit = 0; bit < 64; bit++) {
                        if ((raw & (1L << bit)) != 0) {
                            set.add(bit < attr.enumEntries().size() ? attr.enumEntries().get(bit) : "Unknown(" + bit + ")");
                        }
                    }
                    v = set;
                } else if (raw >= 0 && raw < attr.enumEntries().size()) {
                    v = attr.enumEntries().get(raw.intValue());
                } else if (processUnknown) {
                    v = "Unknown(" + raw + ")";
                } else {
                    throw new PyException("KeyError: " + raw);
                }
            } else if (v instanceof Long raw && raw < 0) {
                v = new java.math.BigInteger(Long.toUnsignedString(raw)); // the wire's unsigned value: a u64 past 2^63
            }
            rsp.put(e.getKey(), v);
        }
        return rsp;
    }

    /**
     * {@code NlError.__str__}: {@code Netlink error: [msg: ]strerror[ extack]}, the extack as
     * the dict ynl builds (policy and miss-type in the kernel's order, miss-type's doc after
     * it, bad-attr last because {@code _decode_extack} re-inserts it).
     */
    static String nlError(NetlinkException e, String attrSet) {
        Extack x = e.extack();
        StringBuilder sb = new StringBuilder("Netlink error: ");
        if (x.msg() != null) {
            sb.append(x.msg()).append(": ");
        }
        sb.append(Errno.strerror(e.errno()));
        Map<String, Object> rest = new LinkedHashMap<>();
        if (x.policy() != null) {
            rest.put("policy", x.policy());
        }
        if (x.missType() != null) {
            rest.put("miss-type", x.missType());
            NetdevSpec.Attr a = NetdevSpec.attr(attrSet, x.missType());
            if (a != null && a.doc() != null) {
                rest.put("miss-type-doc", a.doc());
            }
        }
        if (x.badAttr() != null) {
            rest.put("bad-attr", "." + x.badAttr());
        }
        if (!rest.isEmpty()) {
            sb.append(' ').append(PyFormat.repr(rest, false));
        }
        return sb.toString();
    }

    static String pyType(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double) {
            return "float";
        }
        return "int";
    }

    private static String help() {
        try (InputStream in = Ynl.class.getResourceAsStream("ynl-help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            return YnlArgs.USAGE;
        }
    }
}
