package io.netmodel.api.kernel;

/**
 * A kernel release as {@code major.minor}, e.g. {@code 4.4} or {@code 6.19}. Ordering is
 * numeric ({@code 4.10 > 4.9}).
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    /** The oldest release the model covers: busy polling appeared in 3.11. */
    public static final KernelVersion OLDEST_MODELLED = new KernelVersion(3, 11);
    /** The newest release the model covers, and the default. */
    public static final KernelVersion NEWEST_MODELLED = new KernelVersion(6, 19);

    public KernelVersion {
        if (major < 2 || minor < 0) {
            throw new IllegalArgumentException("not a kernel version: " + major + "." + minor);
        }
    }

    /** Parses {@code 6.19}, {@code 4.4} or {@code 4.4.0-210-generic} (extra parts ignored). */
    public static KernelVersion parse(String text) {
        String[] parts = text.trim().split("[.-]");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a kernel version: '" + text + "' (expected MAJOR.MINOR, e.g. 6.19)");
        }
        try {
            return new KernelVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a kernel version: '" + text + "' (expected MAJOR.MINOR, e.g. 6.19)");
        }
    }

    /** Whether the model covers this release. */
    public boolean modelled() {
        return compareTo(OLDEST_MODELLED) >= 0 && compareTo(NEWEST_MODELLED) <= 0;
    }

    public boolean atLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
