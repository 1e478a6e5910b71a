package io.netmodel.fsmount;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.DirEntry;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.Pointer;
import jnr.ffi.Struct;
import jnr.ffi.types.dev_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseContext;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * FUSE callbacks over a {@link VirtualFs}: resolve, act, or return the negative errno the model
 * gave. Knows nothing about networking. Callbacks run on libfuse's worker threads.
 *
 * <p>Every file is opened with {@code direct_io}: each {@code read(2)} reaches the model with its
 * own offset and is served by that open's {@link OpenFile}, which renders the value at offset 0
 * and serves later offsets from that rendering (sysfs's {@code seq_file} buffer), or answers EOF
 * (a /proc/sys read at an offset). Through the page cache a sysfs read past a short reply cost
 * a {@code getattr} (the size, 4096, moved back from the reply's length) and a second read at
 * offset 0, which rendered the value again: a counter that grew a digit in between came out
 * torn. Like sysfs attributes, the files cannot be mapped.
 */
final class VirtualFsFuse extends FuseStubFS {
    /** {@code struct fuse_file_info} (libfuse 2.9, LP64): bitfield word and {@code fh}. */
    private static final int FI_BITS_OFFSET = 20;
    private static final int FI_FH_OFFSET = 24;
    private static final int DIRECT_IO = 1;
    private static final int O_ACCMODE = 3;
    private static final int FLAG_UTIME_OMIT_OK = 1 << 2;
    /** {@code UTIME_NOW} and {@code UTIME_OMIT} as {@code tv_nsec} values (include/uapi/linux/stat.h). */
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private final VirtualFs fs;
    private final Map<Long, OpenFile> open = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    private final FuseCounters counters = new FuseCounters();
    private final EntryInvalidator invalidator;

    VirtualFsFuse(VirtualFs fs) {
        this.fs = fs;
        setUtimeOmitOk();
        this.invalidator = new EntryInvalidator(fs, counters.notify);
        counters.notifyMode = invalidator::mode;
        fs.addChangeListener(invalidator::treeChanged);
    }

    /**
     * Sets {@code fuse_operations.flag_utime_omit_ok} (bit 2 of the bitfield word after
     * {@code bmap}; jnr-fuse declares the flags but gives no way to set them), so libfuse passes
     * {@code utimens} the kernel's {@code UTIME_NOW}/{@code UTIME_OMIT} rather than resolved
     * times: {@code touch} (both now: EACCES without write permission) and {@code touch -d}
     * (explicit: EPERM unless the owner) are told apart, and {@code touch -m} leaves atime alone.
     */
    private void setUtimeOmitOk() {
        Pointer ops = Struct.getMemory(fuseOperations);
        long word = FieldOffset.of(fuseOperations.flag_nullpath_ok);
        ops.putByte(word, (byte) (ops.getByte(word) | FLAG_UTIME_OMIT_OK));
    }

    /** libfuse is up: the channel for cache invalidations is known from here on. */
    @Override
    public Pointer init(Pointer conn) {
        invalidator.attach(getContext().fuse.get());
        return null;
    }

    /** libfuse is about to free the channel: no invalidation may use it after this. */
    @Override
    public void destroy(Pointer initResult) {
        invalidator.detach();
    }

    FuseCounters counters() {
        return counters;
    }

    @Override
    protected String getFSName() {
        return "netmodel";
    }

    @Override
    public int getattr(String path, FileStat stat) {
        counters.getattr.increment();
        try {
            NodeStat s = fs.stat(path);
            stat.st_mode.set(typeBits(s.kind()) | s.mode());
            stat.st_nlink.set(s.nlink());
            stat.st_size.set(s.size());
            stat.st_uid.set(s.uid());
            stat.st_gid.set(s.gid());
            stat.st_blksize.set(4096);
            stat.st_mtim.tv_sec.set(Math.floorDiv(s.mtimeNanos(), 1_000_000_000L));
            stat.st_mtim.tv_nsec.set(Math.floorMod(s.mtimeNanos(), 1_000_000_000L));
            stat.st_ctim.tv_sec.set(Math.floorDiv(s.ctimeNanos(), 1_000_000_000L));
            stat.st_ctim.tv_nsec.set(Math.floorMod(s.ctimeNanos(), 1_000_000_000L));
            stat.st_atim.tv_sec.set(Math.floorDiv(s.atimeNanos(), 1_000_000_000L));
            stat.st_atim.tv_nsec.set(Math.floorMod(s.atimeNanos(), 1_000_000_000L));
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int readlink(String path, Pointer buf, @size_t long size) {
        counters.readlink.increment();
        try {
            byte[] target = fs.readlink(path).getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, size - 1);
            buf.put(0, target, 0, n);
            buf.putByte(n, (byte) 0);
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int readdir(String path, Pointer buf, FuseFillDir filler, @off_t long offset, FuseFileInfo fi) {
        counters.readdir.increment();
        try {
            List<DirEntry> entries = fs.readdir(path);
            filler.apply(buf, ".", null, 0);
            filler.apply(buf, "..", null, 0);
            // A stat with only st_mode set gives each dirent its d_type, so ls -R, find and
            // node_exporter need no lookup per entry to tell directories from files.
            FileStat stat = DIRENT_STAT.get();
            for (DirEntry e : entries) {
                stat.st_mode.set(typeBits(e.kind()));
                if (filler.apply(buf, e.name(), stat, 0) != 0) {
                    break;
                }
            }
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    /**
     * {@code statfs(2)}: sysfs and procfs report 4096-byte blocks, none of them used, and 255-byte
     * names ({@code simple_statfs}); libfuse's default said 512.
     */
    @Override
    public int statfs(String path, Statvfs st) {
        counters.statfs.increment();
        st.f_bsize.set(4096);
        st.f_frsize.set(4096);
        st.f_namemax.set(255);
        return 0;
    }

    /**
     * {@code listxattr(2)}: the names, each NUL-terminated; none in the model, as on an unlabelled
     * sysfs or /proc. There is no {@code getxattr}: the kernel answers EOPNOTSUPP for it, which
     * is /proc's answer (sysfs says ENODATA), because a FUSE filesystem that implements it is
     * asked for {@code security.capability} on every write ({@code file_remove_privs}).
     */
    @Override
    public int listxattr(String path, Pointer list, @size_t long size) {
        counters.xattr.increment();
        try {
            StringBuilder names = new StringBuilder();
            for (String n : fs.listxattr(path)) {
                names.append(n).append('\0');
            }
            byte[] b = names.toString().getBytes(StandardCharsets.UTF_8);
            if (size == 0) {
                return b.length;
            }
            if (b.length > size) {
                return -Errno.ERANGE;
            }
            list.put(0, b, 0, b.length);
            return b.length;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    /** {@code access(2)} (FUSE sends it since the mount has no {@code default_permissions}). */
    @Override
    public int access(String path, int mask) {
        counters.access.increment();
        try {
            fs.access(path, mask, caller(false));
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int open(String path, FuseFileInfo fi) {
        counters.open.increment();
        try {
            boolean write = (fi.flags.get() & O_ACCMODE) != 0;
            OpenFile file = fs.open(path, write, caller(write));
            long handle = nextHandle.getAndIncrement();
            open.put(handle, file);
            Pointer raw = Struct.getMemory(fi);
            raw.putLong(FI_FH_OFFSET, handle);
            raw.putInt(FI_BITS_OFFSET, raw.getInt(FI_BITS_OFFSET) | DIRECT_IO);
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        counters.read.increment();
        OpenFile file = open.get(handle(fi));
        if (file == null) {
            return -Errno.EBADF;
        }
        try {
            byte[] data = file.read(offset, (int) Math.min(size, Integer.MAX_VALUE));
            buf.put(0, data, 0, data.length);
            return data.length;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        counters.write.increment();
        OpenFile file = open.get(handle(fi));
        if (file == null) {
            return -Errno.EBADF;
        }
        byte[] data = new byte[(int) size];
        buf.get(0, data, 0, data.length);
        EntryInvalidator.onWorker(true);
        try {
            return file.write(data, offset);
        } catch (VfsException e) {
            return -e.errno();
        } finally {
            EntryInvalidator.onWorker(false);
        }
    }

    /** {@code open(O_CREAT)} of a name the tree does not have: sysfs and procfs make no files. */
    @Override
    public int create(String path, @mode_t long mode, FuseFileInfo fi) {
        counters.namespace.increment();
        return -NamespaceErrno.create(path);
    }

    @Override
    public int mknod(String path, @mode_t long mode, @dev_t long rdev) {
        counters.namespace.increment();
        return -NamespaceErrno.makeName(path);
    }

    @Override
    public int mkdir(String path, @mode_t long mode) {
        counters.namespace.increment();
        return -NamespaceErrno.makeName(path);
    }

    @Override
    public int symlink(String target, String linkPath) {
        counters.namespace.increment();
        return -NamespaceErrno.makeName(linkPath);
    }

    @Override
    public int link(String existing, String newPath) {
        counters.namespace.increment();
        return -NamespaceErrno.makeName(newPath);
    }

    @Override
    public int rename(String from, String to) {
        counters.namespace.increment();
        return -NamespaceErrno.makeName(to);
    }

    @Override
    public int unlink(String path) {
        counters.namespace.increment();
        return -NamespaceErrno.remove(path);
    }

    @Override
    public int rmdir(String path) {
        counters.namespace.increment();
        return -NamespaceErrno.remove(path);
    }

    @Override
    public int chmod(String path, @mode_t long mode) {
        counters.setattr.increment();
        try {
            fs.chmod(path, (int) (mode & 07777), caller(false));
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int chown(String path, long uid, long gid) {
        counters.setattr.increment();
        try {
            fs.chown(path, (int) uid, (int) gid, caller(false));
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int utimens(String path, Timespec[] timespec) {
        counters.setattr.increment();
        try {
            fs.utimens(path, nanos(timespec[0]), nanos(timespec[1]), caller(false));
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    private static long nanos(Timespec t) {
        long nsec = t.tv_nsec.longValue();
        if (nsec == UTIME_NOW) {
            return VirtualFs.UTIME_NOW;
        }
        if (nsec == UTIME_OMIT) {
            return VirtualFs.UTIME_OMIT;
        }
        return t.tv_sec.get() * 1_000_000_000L + nsec;
    }

    /** {@code echo > file} opens with O_TRUNC, which FUSE turns into a truncate: accept it, as sysfs does. */
    @Override
    public int truncate(String path, @off_t long size) {
        counters.truncate.increment();
        try {
            fs.stat(path);
            return 0;
        } catch (VfsException e) {
            return -e.errno();
        }
    }

    @Override
    public int release(String path, FuseFileInfo fi) {
        counters.release.increment();
        OpenFile file = open.remove(handle(fi));
        if (file != null) {
            file.release();
        }
        return 0;
    }

    private static int typeBits(NodeKind kind) {
        return kind == NodeKind.DIRECTORY ? FileStat.S_IFDIR : kind == NodeKind.SYMLINK ? FileStat.S_IFLNK : FileStat.S_IFREG;
    }

    /** One reusable native {@code struct stat} per libfuse worker thread for readdir's filler. */
    private static final ThreadLocal<FileStat> DIRENT_STAT = ThreadLocal.withInitial(() -> {
        jnr.ffi.Runtime rt = jnr.ffi.Runtime.getSystemRuntime();
        FileStat st = new FileStat(rt);
        st.useMemory(jnr.ffi.Memory.allocateDirect(rt, Struct.size(st)));
        return st;
    });

    /** Open files right now (a leak shows here). */
    int openCount() {
        return open.size();
    }

    private static long handle(FuseFileInfo fi) {
        return Struct.getMemory(fi).getLong(FI_FH_OFFSET);
    }

    /**
     * The process behind this request. Its capabilities are read from /proc only for an open
     * for writing, where the store paths check {@code CAP_NET_ADMIN}; reads need none, and the
     * read path stays free of the extra file reads.
     */
    private Caller caller(boolean write) {
        FuseContext ctx = getContext();
        int uid = (int) ctx.uid.get();
        int pid = (int) ctx.pid.get();
        boolean netAdmin = write ? CallerCapabilities.netAdmin(pid, uid) : uid == 0;
        return new Caller(uid, (int) ctx.gid.get(), pid, netAdmin);
    }
}
