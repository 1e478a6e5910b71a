package io.netmodel.api.vfs;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One open of one file, like a {@code struct file}: reads are served the way the kernel
 * serves that file (a sysfs attribute renders once and returns the rest of the buffer at an
 * offset; a /proc/sys entry returns EOF at any offset but 0), writes go through the
 * attribute's store with the kernel's parsing and errno.
 */
@ProviderType
public interface OpenFile {
    /** Up to {@code size} bytes at {@code offset}; an empty array is end of file. */
    byte[] read(long offset, int size) throws VfsException;

    /** One {@code write(2)}: returns the count the kernel reports as consumed. */
    int write(byte[] data, long offset) throws VfsException;

    /** The file's {@code st_size} (4096 for sysfs attributes, 0 for /proc files). */
    long size();

    /** {@code close(2)}. */
    void release();
}
