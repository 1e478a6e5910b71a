package io.netmodel.bus;

import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Kstrtox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The {@code param_set_*} parsers of {@code kernel/params.c}, for modprobe arguments. */
public final class ModuleParams {
    private ModuleParams() {
    }

    /** The declared parameter called {@code name}, or null. */
    public static ModuleParam find(List<ModuleParam> params, String name) {
        String normal = name.replace('-', '_');
        for (ModuleParam p : params) {
            if (p.name().equals(normal)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Parses {@code value} as the kernel would and returns the canonical text it reads back
     * as ({@code Y}/{@code N} for bool). Throws IllegalArgumentException for a value the
     * kernel refuses with EINVAL.
     */
    public static String canonical(ModuleParam p, String value) {
        try {
            switch (p.type()) {
                case BOOL:
                    return kstrtobool(value) ? "Y" : "N";
                case UINT: {
                    long v = Kstrtox.kstrtoul(value.getBytes(StandardCharsets.US_ASCII));
                    if (Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
                        throw new IllegalArgumentException(value);
                    }
                    return Long.toString(v);
                }
                case INT:
                default: {
                    boolean neg = value.startsWith("-");
                    long v = Kstrtox.kstrtoul(value.substring(neg ? 1 : 0).getBytes(StandardCharsets.US_ASCII));
                    long signed = neg ? -v : v;
                    if (v < 0 || signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException(value);
                    }
                    return Long.toString(signed);
                }
            }
        } catch (VfsException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    /** {@code kstrtobool}: y/Y/t/T/1, n/N/f/F/0, on/off. */
    static boolean kstrtobool(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(s);
        }
        switch (v.charAt(0)) {
            case 'y': case 't': case '1':
                return true;
            case 'n': case 'f': case '0':
                return false;
            case 'o':
                if (v.startsWith("on")) {
                    return true;
                }
                if (v.startsWith("of")) {
                    return false;
                }
                throw new IllegalArgumentException(s);
            default:
                throw new IllegalArgumentException(s);
        }
    }
}
