package io.netmodel.shell.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting that does not depend on the locale or on binary-to-decimal accidents. */
public final class Fmt {
    private Fmt() {
    }

    /** ns as µs with one decimal: {@code 13049 -> "13.0"}. */
    public static String us(long ns) {
        return String.format(Locale.ROOT, "%.1f", ns / 1000.0);
    }

    /** ns as µs with one decimal, from a mean. */
    public static String us(double ns) {
        return String.format(Locale.ROOT, "%.1f", ns / 1000.0);
    }

    /** {@code value} rounded half-even to {@code scale} decimals, trailing zeros dropped. */
    public static BigDecimal decimal(double value, int scale) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal d = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A number as the user would have typed it, for refusals: {@code 0}, {@code -5}, {@code 31.25}, {@code 86401}. */
    public static String typed(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
            : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A decimal for text: {@code 31.25}, {@code 12500}. */
    public static String plain(double value, int scale) {
        return decimal(value, scale).toPlainString();
    }

    /** A relative error as a signed percentage with one decimal: {@code +3.1%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** Share of {@code part} in {@code total} in % with one decimal, rounded as in the JSON. */
    public static String share(long part, long total) {
        return new BigDecimal(total == 0 ? 0.0 : part * 100.0 / total).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Share of {@code part} in {@code total} in % as a decimal with one place. */
    public static BigDecimal shareDecimal(long part, long total) {
        return decimal(total == 0 ? 0.0 : part * 100.0 / total, 1);
    }
}
