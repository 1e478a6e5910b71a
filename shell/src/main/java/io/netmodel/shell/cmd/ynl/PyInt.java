package io.netmodel.shell.cmd.ynl;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's {@code int(value)} on what {@code json.loads} returns, with its error messages. */
final class PyInt {
    private PyInt() {
    }

    static BigInteger of(Object v) throws Ynl.PyException {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                throw new Ynl.PyException("ValueError: cannot convert float NaN to integer");
            }
            if (d.isInfinite()) {
                throw new Ynl.PyException("OverflowError: cannot convert float infinity to integer");
            }
            return new BigDecimal(d).toBigInteger();
        }
        if (v instanceof String s) {
            // int(str): surrounding whitespace, a sign, digits with single underscores between them
            String t = s.strip();
            if (t.matches("[+-]?[0-9]+(_[0-9]+)*")) {
                return new BigInteger(t.replace("_", "").replace("+", ""));
            }
            throw new Ynl.PyException("ValueError: invalid literal for int() with base 10: " + PyFormat.reprStr(s));
        }
        throw new Ynl.PyException("TypeError: int() argument must be a string, a bytes-like object or a real number, not '"
            + Ynl.pyType(v) + "'");
    }
}
