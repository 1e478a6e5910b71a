package io.netmodel.bus;

import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Kstrtox;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@code param_set_*} parsers of {@code kernel/params.c}, for modprobe arguments and sysfs writes. */
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
     * The value {@code p} holds before any argument: its declared default as the kernel reads it
     * back ({@code Y}/{@code N} for bool); for an array, the elements it starts with, not parsed
     * ({@code num} of them, none by default). Throws IllegalArgumentException (its cause the
     * {@link VfsException} with the errno) for a default the kernel would refuse.
     */
    public static String initialValue(ModuleParam p) {
        if (p.type() == ModuleParam.Type.INT_ARRAY) {
            return p.defaultValue();
        }
        try {
            return parse(p, p.defaultValue().getBytes(StandardCharsets.ISO_8859_1));
        } catch (VfsException e) {
            throw new IllegalArgumentException(p.defaultValue(), e);
        }
    }

    /**
     * {@code param_set_int} / {@code param_set_uint} / {@code param_set_bool} ({@code param_array}
     * for an array) on the bytes of one write (a C string: it ends at the first NUL), returning the
     * text {@code param_get_*} prints without its newline ({@code "%i"}, {@code "%u"},
     * {@code Y}/{@code N}; an array's elements joined by commas).
     *
     * @throws VfsException EINVAL for malformed input, ERANGE for a number that does not fit
     */
    public static String parse(ModuleParam p, byte[] data) throws VfsException {
        switch (p.type()) {
            case INT_ARRAY:
                return parseArray(p, data);
            case BOOL:
                return Kstrtox.kstrtobool(data) ? "Y" : "N";
            case UINT: {
                long v = Kstrtox.kstrtoul(data); // kstrtouint(s, 0): kstrtoull, then the u32 range
                if (Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
                    throw new VfsException(Errno.ERANGE);
                }
                return Long.toString(v);
            }
            case INT:
            default:
                return Integer.toString(Kstrtox.kstrtoint(data));
        }
    }

    /**
     * {@code param_array}: the comma-separated elements, each through {@code param_set_int}, at
     * least one and at most {@code arrayLength} (EINVAL, see {@link #tooManyElements}); printed
     * back as {@code param_array_get} does, joined by commas.
     */
    private static String parseArray(ModuleParam p, byte[] data) throws VfsException {
        int len = Kstrtox.cstrlen(data);
        StringBuilder out = new StringBuilder();
        int count = 0;
        int start = 0;
        while (true) {
            if (count == p.arrayLength()) {
                throw new VfsException(Errno.EINVAL);
            }
            int end = start;
            while (end < len && data[end] != ',') {
                end++;
            }
            out.append(count == 0 ? "" : ",").append(Kstrtox.kstrtoint(Arrays.copyOfRange(data, start, end)));
            count++;
            if (end == len) {
                return out.toString();
            }
            start = end + 1;
        }
    }

    /**
     * Whether {@code param_array} refuses {@code value} for holding more elements than array
     * parameter {@code p} has, its first {@code arrayLength} being valid ints (it then says "can
     * only take N arguments"; a bad element before that fails on its own).
     */
    public static boolean tooManyElements(ModuleParam p, String value) {
        if (p.type() != ModuleParam.Type.INT_ARRAY || value == null) {
            return false;
        }
        String[] elements = value.split(",", -1);
        if (elements.length <= p.arrayLength()) {
            return false;
        }
        try {
            for (int i = 0; i < p.arrayLength(); i++) {
                Kstrtox.kstrtoint(elements[i].getBytes(StandardCharsets.ISO_8859_1));
            }
            return true;
        } catch (VfsException e) {
            return false;
        }
    }
}
