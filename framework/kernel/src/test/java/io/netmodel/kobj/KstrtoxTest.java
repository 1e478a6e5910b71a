package io.netmodel.kobj;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kstrtoul(buf, 0, &val)} and {@code kstrtou32(buf, 10, &val)}, lib/kstrtox.c:
 * kernel-interfaces.md §1.2 row by row. Inputs use {@code \n}-style escapes (see Host.bytes).
 */
class KstrtoxTest {

    @ParameterizedTest(name = "kstrtoul(\"{0}\") = {1}")
    @CsvSource({
        "1500,                   1500",
        "1500\\n,                1500",
        "+1500,                  1500",
        "0x5dc,                  1500",
        "0X5DC,                  1500",
        "010,                    8",
        "0,                      0",
        "0\\n,                   0",
        "+0x10,                  16",
        "18446744073709551615,   18446744073709551615",
        "0xffffffffffffffff,     18446744073709551615",
        "01777777777777777777777, 18446744073709551615",
    })
    void should_accept_kstrtoul_base0(String input, String expectedUnsigned) throws Exception {
        assertEquals(expectedUnsigned, Long.toUnsignedString(Kstrtox.kstrtoul(bytes(input))));
    }

    @ParameterizedTest(name = "kstrtoul(\"{0}\") -> {1}")
    @CsvSource({
        "08,                       EINVAL",
        "09,                       EINVAL",
        "' 1500',                  EINVAL",
        "'1500 ',                  EINVAL",
        "15 00,                    EINVAL",
        "1500\\n\\n,               EINVAL",
        "1500\\t,                  EINVAL",
        "-1,                       EINVAL",
        "'',                       EINVAL",
        "\\n,                      EINVAL",
        "0x,                       EINVAL",
        "0x\\n,                    EINVAL",
        "+,                        EINVAL",
        "++1,                      EINVAL",
        "1500abc,                  EINVAL",
        "18446744073709551616,     ERANGE",
        "99999999999999999999,     ERANGE",
        "0x10000000000000000,      ERANGE",
        "02000000000000000000000,  ERANGE",
    })
    void should_reject_kstrtoul_base0(String input, String expected) {
        assertEquals(errnoNamed(expected), errno(() -> Kstrtox.kstrtoul(bytes(input))));
    }

    @ParameterizedTest(name = "kstrtou32(\"{0}\") = {1}")
    @CsvSource({
        "10,           10",
        "+10\\n,       10",
        "010,          10",
        "4294967295,   4294967295",
    })
    void should_parse_kstrtou32_in_base_10_only(String input, long expected) throws Exception {
        assertEquals(expected, Kstrtox.kstrtou32(bytes(input)));
    }

    @ParameterizedTest(name = "kstrtou32(\"{0}\") -> {1}")
    @CsvSource({
        "0x10,                  EINVAL",
        "-1,                    EINVAL",
        "'',                    EINVAL",
        "' 5',                  EINVAL",
        "4294967296,            ERANGE",
        "18446744073709551616,  ERANGE",
    })
    void should_reject_kstrtou32(String input, String expected) {
        assertEquals(errnoNamed(expected), errno(() -> Kstrtox.kstrtou32(bytes(input))));
    }

    @ParameterizedTest(name = "kstrtoul stops at the NUL the store path appends: \"{0}\"")
    @CsvSource({"1500\\0garbage, 1500", "0x10\\0, 16"})
    void should_read_the_buffer_as_a_c_string(String input, long expected) throws Exception {
        assertEquals(expected, Kstrtox.kstrtoul(bytes(input)));
    }
}
