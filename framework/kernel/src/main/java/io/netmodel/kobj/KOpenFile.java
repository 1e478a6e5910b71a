package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.ModelLock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One open of an attribute ({@code struct file} + {@code seq_file}): renders under the model
 * lock and serves offsets from that buffer the way the attribute's flavor (and, in /proc/sys,
 * its {@link KAttr.ProcHandler}) says. Once the attribute has left the tree (its device was
 * unregistered, its IRQ freed) the open file fails as the kernel's does: kernfs ENODEV
 * ({@code kernfs_get_active}), a /proc entry EIO ({@code use_pde}), a sysctl ENOENT
 * ({@code sysctl_head_grab}).
 */
final class KOpenFile implements OpenFile {
    /** sysfs and /proc/sys take at most one page per write (PAGE_SIZE - 1 for /proc/sys). */
    private static final int PAGE_SIZE = 4096;
    /** {@code dump_cpumask}'s {@code char kbuf[128]}. */
    private static final int CPUMASK_KBUF = 128;
    private static final byte[] EOF = new byte[0];

    private final KAttr attr;
    private final Caller caller;
    private final ModelLock lock;
    private final KDir root;
    private byte[] buffer;

    KOpenFile(KAttr attr, Caller caller, ModelLock lock, KDir root) {
        this.attr = attr;
        this.caller = caller;
        this.lock = lock;
        this.root = root;
    }

    @Override
    public byte[] read(long offset, int size) throws VfsException {
        if (attr.flavor() == KAttr.Flavor.PROC_SYS) {
            return readProcSys(offset, size);
        }
        if (offset == 0 || buffer == null) {
            buffer = render();
        } else {
            requireAttached();
        }
        return slice(buffer, offset, size);
    }

    private byte[] readProcSys(long offset, int size) throws VfsException {
        switch (attr.procHandler()) {
            case DOSTRING:
                return slice(render(), offset, size); // rendered afresh at every offset, newline included
            case CPUMASK: {
                byte[] text = render();
                if (offset > 0 || size == 0) {
                    return EOF;
                }
                int chars = Math.min(text.length - 1, Math.min(CPUMASK_KBUF - 1, size) - 1); // text ends in '\n'
                if (chars <= 0) {
                    return EOF; // scnprintf into one byte: nothing
                }
                byte[] out = Arrays.copyOf(text, chars < size ? chars + 1 : chars);
                if (chars < size) {
                    out[chars] = '\n';
                }
                return out;
            }
            case DOINTVEC:
            default:
                if (offset > 0) {
                    requireAttached();
                    return EOF; // __do_proc_dointvec: "if (*ppos && !write) return 0"
                }
                buffer = render();
                return slice(buffer, 0, size);
        }
    }

    private byte[] render() throws VfsException {
        return lock.call(() -> {
            checkAttached();
            return attr.show().getBytes(StandardCharsets.ISO_8859_1);
        });
    }

    private static byte[] slice(byte[] b, long offset, int size) {
        if (offset >= b.length) {
            return EOF;
        }
        int end = (int) Math.min(b.length, offset + size);
        return Arrays.copyOfRange(b, (int) offset, end);
    }

    @Override
    public int write(byte[] data, long offset) throws VfsException {
        if (data.length == 0) {
            return 0; // sysfs_kf_write / proc_sys_call_handler: nothing is stored
        }
        if (attr.flavor() == KAttr.Flavor.PROC_SYS) {
            // proc_sys_call_handler hands the whole count to the handler, which reads at most a page
            // less one and reports *lenp -= left: what it did not take of that page, off the count
            byte[] page = data.length > PAGE_SIZE - 1 ? Arrays.copyOf(data, PAGE_SIZE - 1) : data;
            if (offset > 0) {
                return lock.call(() -> {
                    checkAttached();
                    if (attr.procHandler() == KAttr.ProcHandler.DOSTRING) {
                        continueString(page, offset);
                    }
                    return data.length; // kernel.sysctl_writes_strict=1: other handlers ignore it
                });
            }
            int consumed = lock.call(() -> {
                checkAttached();
                return attr.store(page, caller);
            });
            return consumed + (data.length - page.length);
        }
        // kernfs_fop_write_iter: at most a page per write(2); the caller's loop sends the rest
        byte[] page = data.length > PAGE_SIZE ? Arrays.copyOf(data, PAGE_SIZE) : data;
        return lock.call(() -> {
            checkAttached();
            return attr.store(page, caller);
        });
    }

    /**
     * {@code _proc_do_string} writing at {@code offset} with {@code sysctl_writes_strict} 1: the
     * current string up to {@code offset}, then the bytes written; nothing when {@code offset} is
     * past the string's end (the handler then stores the string as it was).
     */
    private void continueString(byte[] page, long offset) throws VfsException {
        byte[] current = attr.show().getBytes(StandardCharsets.ISO_8859_1);
        int len = current.length > 0 && current[current.length - 1] == '\n' ? current.length - 1 : current.length;
        if (offset > len) {
            return;
        }
        byte[] spliced = Arrays.copyOf(current, (int) offset + page.length);
        System.arraycopy(page, 0, spliced, (int) offset, page.length);
        attr.store(spliced, caller);
    }

    /** {@link #checkAttached} under the model lock, for a read that renders nothing. */
    private void requireAttached() throws VfsException {
        lock.call(() -> {
            checkAttached();
            return null;
        });
    }

    /** The attribute is still in the tree; else the errno its filesystem gives an open file of a removed node. */
    private void checkAttached() throws VfsException {
        KNode n = attr;
        while (n.parent != null) {
            n = n.parent;
        }
        if (n != root) {
            throw new VfsException(switch (attr.flavor()) {
                case SYSFS -> Errno.ENODEV;
                case PROC -> Errno.EIO;
                case PROC_SYS -> Errno.ENOENT;
            });
        }
    }

    @Override
    public long size() {
        return attr.size();
    }

    @Override
    public void release() {
        buffer = null;
    }
}
