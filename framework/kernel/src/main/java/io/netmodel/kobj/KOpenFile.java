package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.ModelLock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One open of an attribute ({@code struct file} + {@code seq_file}): renders under the model
 * lock and serves offsets from that buffer the way the attribute's flavor says.
 */
final class KOpenFile implements OpenFile {
    /** sysfs and /proc/sys take at most one page per write (PAGE_SIZE - 1 for /proc/sys). */
    private static final int PAGE_SIZE = 4096;

    private final KAttr attr;
    private final Caller caller;
    private final ModelLock lock;
    private byte[] buffer;

    KOpenFile(KAttr attr, Caller caller, ModelLock lock) {
        this.attr = attr;
        this.caller = caller;
        this.lock = lock;
    }

    @Override
    public byte[] read(long offset, int size) throws VfsException {
        if (offset == 0 || buffer == null) {
            if (offset > 0 && attr.flavor() == KAttr.Flavor.PROC_SYS) {
                return new byte[0];
            }
            buffer = lock.call(() -> attr.show().getBytes(StandardCharsets.ISO_8859_1));
        } else if (attr.flavor() == KAttr.Flavor.PROC_SYS) {
            return new byte[0]; // __do_proc_dointvec: "if (*ppos && !write) return 0"
        }
        if (offset >= buffer.length) {
            return new byte[0];
        }
        int end = (int) Math.min(buffer.length, offset + size);
        return Arrays.copyOfRange(buffer, (int) offset, end);
    }

    @Override
    public int write(byte[] data, long offset) throws VfsException {
        if (data.length == 0) {
            return 0; // sysfs_kf_write / proc_sys_call_handler: nothing is stored
        }
        if (attr.flavor() == KAttr.Flavor.PROC_SYS) {
            if (offset > 0) {
                return data.length; // kernel.sysctl_writes_strict=1: silently ignored
            }
            byte[] page = data.length > PAGE_SIZE - 1 ? Arrays.copyOf(data, PAGE_SIZE - 1) : data;
            return lock.call(() -> attr.store(page, caller));
        }
        byte[] page = data.length > PAGE_SIZE ? Arrays.copyOf(data, PAGE_SIZE) : data;
        int consumed = lock.call(() -> attr.store(page, caller));
        return consumed == page.length ? data.length : consumed;
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
