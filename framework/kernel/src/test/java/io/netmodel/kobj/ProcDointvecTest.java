package io.netmodel.kobj;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write parser of {@code proc_dointvec} / {@code proc_dointvec_minmax} for a single-int
 * entry (kernel/sysctl.c {@code __do_proc_dointvec}, {@code proc_get_long}):
 * kernel-interfaces.md §1.3, integer parser table.
 */
class ProcDointvecTest {
    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @ParameterizedTest(name = "proc_dointvec(\"{0}\") = {1}, consumed {2}")
    @CsvSource({
        "5,                         5,           1",
        "5\\n,                      5,           2",
        "'  5\\n',                  5,           4",
        "\\t\\n5\\n,                5,           4",
        "\\v\\r5,                   5,           3",
        "-5\\n,                     -5,          3",
        "0x10\\n,                   16,          5",
        "010\\n,                    8,           4",
        "0\\n,                      0,           2",
        "'5 6\\n',                  5,           2",
        "'5\\t\\t6',                5,           3",
        "'5   ',                    5,           4",
        "2147483647,                2147483647,  10",
        "-2147483648,               -2147483648, 11",
        "00000000000000000005\\n,   5,           21",
    })
    void should_parse_first_integer_and_report_bytes_consumed(String input, int value, int consumed)
            throws Exception {
        ProcDointvec.Parsed p = ProcDointvec.parse(bytes(input), MIN, MAX);
        assertEquals(new ProcDointvec.Parsed(value, consumed), p);
    }

    @ParameterizedTest(name = "proc_dointvec(\"{0}\") -> EINVAL")
    @ValueSource(strings = {
        "+5",                        // first non-space must be a digit or '-'
        "12abc",                     // terminator must be space, tab, newline or the end
        "12\\r",                     // proc_wspace_sep is only ' ', '\t', '\n'
        "12\\v",
        "12,13",
        "0x",                        // octal 0, then 'x' is trailing
        "-",
        "-\\n",
        "--5",
        "abc",
        "\\n",                       // echo "" > file
        "   ",
        "\\t\\n",
        "0000000000000000000000005", // more than 21 characters of number
        "0000000000000000000005",    // 22 digits
        "000000000000000000005",     // 21 digits: proc_get_long refuses len == TMPBUFLEN - 1
        "2147483648",                // above INT_MAX
        "-2147483649",               // below INT_MIN
        "4294967296",
        "99999999999999999999",      // past 64 bits
        "0x80000000",
        "08",                        // octal stops at 8, which is not whitespace
    })
    void should_reject_with_EINVAL(String input) {
        assertEquals(Errno.EINVAL, errno(() -> ProcDointvec.parse(bytes(input), MIN, MAX)));
    }

    @ParameterizedTest(name = "minmax [{1}, {2}] rejects \"{0}\" with EINVAL")
    @CsvSource({
        "-1,         0, 2147483647",
        "-2147483648, 0, 2147483647",
        "0,          1, 2147483647",
        "7999,    8000, 2147483647",
        "3601,       1, 3600",
    })
    void should_reject_minmax_out_of_bounds_with_EINVAL(String input, int min, int max) {
        assertEquals(Errno.EINVAL, errno(() -> ProcDointvec.parse(bytes(input), min, max)));
    }

    @ParameterizedTest(name = "minmax [{1}, {2}] accepts \"{0}\"")
    @CsvSource({"0, 0, 2147483647", "1, 1, 3600", "3600, 1, 3600", "8000, 8000, 2147483647"})
    void should_accept_minmax_bounds_inclusive(String input, int min, int max) throws Exception {
        assertEquals(Integer.parseInt(input), ProcDointvec.parse(bytes(input), min, max).value());
    }

    @Test
    void should_reject_the_empty_buffer_with_EINVAL() {
        assertEquals(Errno.EINVAL, errno(() -> ProcDointvec.parse(new byte[0], MIN, MAX)));
    }
}
