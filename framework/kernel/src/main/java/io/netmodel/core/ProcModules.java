package io.netmodel.core;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleRegistry;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;

/**
 * {@code /proc/modules} ({@code kernel/module/procfs.c m_show}; {@code kernel/module.c} before
 * 5.19), 0444. One line per loaded module, newest first (the module list is a stack):
 * {@code "%s %u"} name and size, {@code " %i "} refcount, the modules using it as
 * {@code "name,"} each or {@code "-"}, {@code " %s"} state ({@code Live}, {@code Loading},
 * {@code Unloading}), {@code " 0x%px"} the text base, and taint flags only if tainted.
 *
 * <p>The address: {@code modules_open} hides it unless {@code kallsyms_show_value()}, which
 * depends on {@code kernel.kptr_restrict} and CAP_SYSLOG. The model behaves as a host with
 * {@code kptr_restrict=2}: every reader, root included, sees {@code 0x0000000000000000}, as a
 * non-root reader does on a default distribution. (The model has no module text to point at,
 * and the value would be random per boot anyway.) No module depends on another in the model,
 * and none is tainted.
 */
public final class ProcModules {
    /** {@code 0x%px} of a hidden (NULL) pointer on a 64-bit kernel. */
    static final String HIDDEN_ADDRESS = "0x0000000000000000";

    private final ModuleRegistry modules;

    public ProcModules(KTree tree, ModuleRegistry modules) {
        this.modules = modules;
        tree.mkdirs("/proc").attr("modules", 0444, KAttr.Flavor.PROC, this::show, null);
    }

    String show() {
        StringBuilder sb = new StringBuilder(256);
        for (ModuleInfo m : modules.modules()) {
            sb.append(m.name()).append(' ').append(m.size() & 0xFFFF_FFFFL)
                .append(' ').append(m.refcnt()).append(' ')
                .append('-')
                .append(' ').append(state(m))
                .append(' ').append(HIDDEN_ADDRESS)
                .append('\n');
        }
        return sb.toString();
    }

    private static String state(ModuleInfo m) {
        switch (m.state()) {
            case GOING:
                return "Unloading";
            case COMING:
                return "Loading";
            case LIVE:
            default:
                return "Live";
        }
    }
}
