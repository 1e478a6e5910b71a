package io.netmodel.kobj;

/**
 * The few {@code seq_printf} conversions the /proc tables use, appended to a
 * {@link StringBuilder} without {@code String.format}, whose format-string parsing made a read
 * of {@code /proc/interrupts} cost five times the C FUSE floor's. Like C's, a field is padded to
 * its width and never truncated.
 */
public final class SeqFmt {
    private SeqFmt() {
    }

    /** {@code %<width>s}: right-justified. */
    public static StringBuilder right(StringBuilder sb, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(text);
    }

    /** {@code %-<width>s}: left-justified. */
    public static StringBuilder left(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** {@code %<width>d} of a signed value. */
    public static StringBuilder right(StringBuilder sb, long value, int width) {
        return right(sb, Long.toString(value), width);
    }

    /** {@code %<width>llu} of an unsigned 64-bit value. */
    public static StringBuilder rightUnsigned(StringBuilder sb, long value, int width) {
        return right(sb, Long.toUnsignedString(value), width);
    }

    /** {@code %08x} of a u32. */
    public static StringBuilder hex8(StringBuilder sb, int value) {
        String hex = Integer.toHexString(value);
        for (int i = hex.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(hex);
    }
}
