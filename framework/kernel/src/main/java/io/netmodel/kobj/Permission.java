package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;

/**
 * The permission bits a caller gets on a node ({@code acl_permission_check} in fs/namei.c
 * without ACLs): the owner's bits for the owner, the group's for a member of the node's group,
 * the others' otherwise. Capabilities (root's {@code CAP_DAC_OVERRIDE}) are the caller's to add:
 * sysfs and /proc/sys treat root differently (see {@link TreeFs#open}).
 */
final class Permission {
    private Permission() {
    }

    /** The {@code rwx} bits (4, 2, 1) {@code c} gets on {@code n} from its mode alone. */
    static int bits(KNode n, Caller c) {
        if (c.uid() == n.uid()) {
            return (n.mode() >> 6) & 7;
        }
        if (c.gid() == n.gid()) {
            return (n.mode() >> 3) & 7;
        }
        return n.mode() & 7;
    }

    /** Whether {@code c} may {@code want} (4 read, 2 write) {@code n}: root always, as with {@code CAP_DAC_OVERRIDE}. */
    static boolean allows(KNode n, Caller c, int want) {
        return c.uid() == 0 || (bits(n, c) & want) == want;
    }

    /**
     * {@code inode_permission} for {@code access(2)}: whether {@code c} may {@code want} (4 read,
     * 2 write, 1 execute or search) {@code n}. /proc/sys ({@code proc_sys_permission}): a file is
     * never executable, and {@code test_perm} gives root the owner's bits, a member of group 0 the
     * group's. Elsewhere ({@code generic_permission}): root may read and write anything, search
     * any directory, and execute a file with some x bit.
     */
    static boolean access(KNode n, int want, Caller c) {
        boolean dir = n instanceof KDir;
        if (fsOf(n) == KAttr.Flavor.PROC_SYS) {
            if (!dir && (want & 1) != 0) {
                return false;
            }
            int mode = n.mode();
            int bits = c.uid() == 0 ? (mode >> 6) & 7 : c.gid() == 0 ? (mode >> 3) & 7 : mode & 7;
            return (bits & want) == want;
        }
        if (c.uid() == 0) {
            return dir || (want & 1) == 0 || (n.mode() & 0111) != 0;
        }
        return (bits(n, c) & want) == want;
    }

    /** Which kernel code serves a node: its flavor for a file, its place in the tree otherwise. */
    static KAttr.Flavor fsOf(KNode n) {
        if (n instanceof KAttr a) {
            return a.flavor();
        }
        String p = n.path();
        if (p.equals("/proc/sys") || p.startsWith("/proc/sys/")) {
            return KAttr.Flavor.PROC_SYS;
        }
        return p.equals("/proc") || p.startsWith("/proc/") ? KAttr.Flavor.PROC : KAttr.Flavor.SYSFS;
    }
}
