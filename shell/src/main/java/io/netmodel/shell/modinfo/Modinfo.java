package io.netmodel.shell.modinfo;

import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.shell.ModuleDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * kmod 30's {@code modinfo} over the deploy directory: each module's {@code .modinfo} fields as
 * {@code "%s:%-*s%s"} lines (the key, padded to 16 columns), or with a field filter only the
 * values; {@code parm} lines merge {@code MODULE_PARM_DESC} and the type as
 * {@code name:desc (type)}, or {@code name:type} without a description.
 *
 * <p>Fields, in the order modinfo prints a module's {@code .modinfo} (last declared first):
 * {@code filename} (the bundle jar), {@code version}, {@code license}, {@code description},
 * {@code author}, one {@code alias} per id-table entry (the table's last first, as modpost
 * writes them), {@code depends} (always empty: a model module needs no other), {@code name},
 * {@code vermagic}, then {@code parm}. Not printed: {@code srcversion}, {@code retpoline},
 * {@code intree} and the signature fields, which describe a module build the model has not.
 */
public final class Modinfo {
    /** {@code -F FIELD} (null: every field), and what ends each line ({@code -0}: NUL). */
    public record Options(String field, char separator) {
    }

    private final ModuleDir modules;
    private final KernelVersion kernel;
    private final Options options;

    public Modinfo(ModuleDir modules, KernelVersion kernel, Options options) {
        this.modules = modules;
        this.kernel = kernel;
        this.options = options;
    }

    /** Prints each of {@code names} (module names or jar paths); returns the exit code. */
    public int run(List<String> names, PrintWriter out, PrintWriter err) {
        if (names.isEmpty()) {
            err.println("modinfo: ERROR: missing module or filename.");
            return 1;
        }
        int rc = 0;
        for (String name : names) {
            Optional<Path> jar = locate(name);
            if (jar.isEmpty()) {
                err.println("modinfo: ERROR: Module " + name + " not found.");
                rc = 1;
                continue;
            }
            try {
                print(ModuleFile.read(jar.get(), profile()), out);
            } catch (IOException e) {
                err.println("modinfo: ERROR: could not get modinfo from '" + name + "': " + e.getMessage());
                rc = 1;
            }
        }
        out.flush();
        return rc;
    }

    private KernelProfile profile() {
        return () -> kernel;
    }

    /**
     * A path (it names a file: has a slash or ends in {@code .jar}) is read as given; a name is
     * looked up in the deploy directory, which holds the modules of every modelled release
     * ({@code -k} outside them finds none, as a missing {@code /lib/modules/VERSION} does).
     */
    private Optional<Path> locate(String name) {
        if (name.contains("/") || name.endsWith(".jar")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        if (!kernel.modelled()) {
            return Optional.empty();
        }
        try {
            return modules.find(name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void print(ModuleFile m, PrintWriter out) {
        String field = options.field();
        if ("filename".equals(field)) {
            value(m.jar().toString(), out);
            return;
        }
        if (field == null) {
            line("filename", m.jar().toString(), out);
        }
        if ("parm".equals(field)) {
            params(m, false, out);
            return;
        }
        for (String[] kv : fields(m)) {
            if (field == null) {
                line(kv[0], kv[1], out);
            } else if (field.equals(kv[0])) {
                value(kv[1], out);
            }
        }
        if (field == null) {
            params(m, true, out);
        }
    }

    private List<String[]> fields(ModuleFile m) {
        List<String[]> f = new ArrayList<>();
        if (!m.version().isEmpty()) {
            f.add(new String[] {"version", m.version()});
        }
        if (!m.license().isEmpty()) {
            f.add(new String[] {"license", m.license()});
        }
        if (!m.description().isEmpty()) {
            f.add(new String[] {"description", m.description()});
        }
        for (String a : m.authors()) {
            f.add(new String[] {"author", a});
        }
        for (int i = m.ids().size() - 1; i >= 0; i--) {
            f.add(new String[] {"alias", alias(m.ids().get(i))});
        }
        f.add(new String[] {"depends", ""});
        f.add(new String[] {"name", m.name()});
        f.add(new String[] {"vermagic", kernel + ".0-netmodel SMP preempt mod_unload modversions "});
        return f;
    }

    /** {@code do_pci_entry} in modpost's file2alias.c: vendor and device set, the rest wildcards. */
    static String alias(DeviceId id) {
        return String.format("%s:v%08Xd%08Xsv*sd*bc*sc*i*", id.bus(), id.vendor(), id.device());
    }

    private void params(ModuleFile m, boolean keyed, PrintWriter out) {
        for (ModuleParam p : m.params()) {
            String type = p.type() == ModuleParam.Type.INT_ARRAY ? "array of int" : p.type().name().toLowerCase(Locale.ROOT);
            String v = p.name() + ":" + (p.description() == null || p.description().isEmpty()
                ? type : p.description() + " (" + type + ")");
            if (keyed) {
                line("parm", v, out);
            } else {
                value(v, out);
            }
        }
    }

    /** {@code printf("%s:%-*s%s%c", key, 15 - keylen, "", value, separator)}. */
    private void line(String key, String value, PrintWriter out) {
        out.print(key + ":" + " ".repeat(Math.max(0, 15 - key.length())) + value + options.separator());
    }

    private void value(String value, PrintWriter out) {
        out.print(value + options.separator());
    }
}
