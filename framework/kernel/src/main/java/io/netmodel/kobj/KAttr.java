package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.VfsException;

/**
 * An attribute file: a {@link Show} that renders the whole value and an optional
 * {@link Store} that parses, validates and applies one write, with the kernel's errno.
 * The {@link Flavor} says which kernel file semantics apply.
 */
public final class KAttr extends KNode {

    /** Which kernel code serves the file; decides size and offset behaviour. */
    public enum Flavor {
        /** sysfs/kernfs: st_size 4096; a read at an offset returns the rest of the value. */
        SYSFS,
        /** /proc/sys: st_size 0; a read at an offset > 0 is EOF; a write at an offset > 0 is ignored. */
        PROC_SYS,
        /** /proc seq_file: st_size 0; rendered at offset 0, later offsets read the rest. */
        PROC
    }

    /**
     * Renders the whole value ({@code show()} / {@code proc_handler} read). The text is a C
     * byte string: each char is one byte (ISO-8859-1), so bytes a user stored (an ifalias that
     * is not UTF-8) read back unchanged.
     */
    @FunctionalInterface
    public interface Show {
        String show() throws VfsException;
    }

    /** One write: returns the bytes the kernel reports consumed, or throws the errno. */
    @FunctionalInterface
    public interface Store {
        int store(byte[] data, Caller caller) throws VfsException;
    }

    /** Which {@code proc_handler} serves a /proc/sys file at an offset, or with a short buffer. */
    public enum ProcHandler {
        /** {@code proc_dointvec} and its kin: a read at an offset > 0 is EOF, a write there is ignored. */
        DOINTVEC,
        /**
         * {@code proc_dostring}: a read goes on from its offset; a write at offset p continues the
         * string from p ({@code sysctl_writes_strict} 1), one past its end is ignored.
         */
        DOSTRING,
        /**
         * {@code dump_cpumask} ({@code rps_default_mask}, {@code flow_limit_cpu_bitmap}): one read at
         * offset 0 of at most {@code size - 1} characters ({@code scnprintf}) and a newline if
         * room is left; EOF at later offsets.
         */
        CPUMASK
    }

    private final Flavor flavor;
    private final Show show;
    private final Store store;
    private ProcHandler procHandler = ProcHandler.DOINTVEC;

    KAttr(String name, int mode, Flavor flavor, Show show, Store store, long mtimeNanos) {
        super(name, mode, mtimeNanos);
        this.flavor = flavor;
        this.show = show;
        this.store = store;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.FILE;
    }

    @Override
    public long size() {
        return flavor == Flavor.SYSFS ? 4096 : 0;
    }

    public Flavor flavor() {
        return flavor;
    }

    /** The {@code proc_handler} of a /proc/sys file ({@link ProcHandler#DOINTVEC} unless set). */
    public ProcHandler procHandler() {
        return procHandler;
    }

    /** Sets the {@code proc_handler} of this /proc/sys file; returns it. */
    public KAttr procHandler(ProcHandler h) {
        if (flavor != Flavor.PROC_SYS) {
            throw new IllegalStateException(name() + ": a proc_handler is for /proc/sys files");
        }
        procHandler = h;
        return this;
    }

    public String show() throws VfsException {
        return show.show();
    }

    /** Whether the file has a store at all (kernfs: no write op means EACCES at open). */
    public boolean writable() {
        return store != null && (mode() & 0222) != 0;
    }

    /**
     * One write. A file without a store can only be open for writing when it is a /proc seq file
     * opened by root: {@code pde_write} then fails with EIO.
     */
    public int store(byte[] data, Caller caller) throws VfsException {
        if (store == null) {
            throw new VfsException(Errno.EIO);
        }
        return store.store(data, caller);
    }
}
