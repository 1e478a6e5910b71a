package io.netmodel.api.vfs;

/** Linux errno values (x86_64 / generic), as the kernel returns them to userspace. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    /** No such process ({@code sched_setscheduler} and friends on an unknown pid). */
    public static final int ESRCH = 3;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    /** @since 1.1 */
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int ERANGE = 34;
    public static final int ENOSYS = 38;
    public static final int EOVERFLOW = 75;
    public static final int EOPNOTSUPP = 95;

    private Errno() {
    }

    /** The text glibc's {@code strerror} gives, which is what shells print. */
    public static String strerror(int errno) {
        switch (errno) {
            case EPERM: return "Operation not permitted";
            case ENOENT: return "No such file or directory";
            case ESRCH: return "No such process";
            case EIO: return "Input/output error";
            case EBADF: return "Bad file descriptor";
            case ENOMEM: return "Cannot allocate memory";
            case EACCES: return "Permission denied";
            case EBUSY: return "Device or resource busy";
            case EEXIST: return "File exists";
            case ENODEV: return "No such device";
            case ENOTDIR: return "Not a directory";
            case EISDIR: return "Is a directory";
            case EINVAL: return "Invalid argument";
            case ENOSPC: return "No space left on device";
            case ERANGE: return "Numerical result out of range";
            case ENOSYS: return "Function not implemented";
            case EOVERFLOW: return "Value too large for defined data type";
            case EOPNOTSUPP: return "Operation not supported";
            default: return "Unknown error " + errno;
        }
    }
}
