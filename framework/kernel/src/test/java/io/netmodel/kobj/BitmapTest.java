package io.netmodel.kobj;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code %*pb}, {@code %*pbl} and {@code bitmap_parse} (lib/vsprintf.c, lib/bitmap-str.c;
 * kernel-interfaces.md §2.7). Masks are written as {@code %*pbl}-style lists so the tables read
 * like the kernel's own examples; {@code \n}, {@code \t}, {@code \0} in inputs are the bytes.
 */
class BitmapTest {

    /** Bits from a list like {@code 0,2-5} (empty string: no bits). */
    static BitSet bits(String list) {
        BitSet b = new BitSet();
        if (list == null || list.isEmpty()) {
            return b;
        }
        for (String item : list.split(",")) {
            String[] r = item.split("-");
            int lo = Integer.parseInt(r[0]);
            b.set(lo, (r.length == 2 ? Integer.parseInt(r[1]) : lo) + 1);
        }
        return b;
    }

    @ParameterizedTest(name = "%*pb of [{1}] over {0} bits = \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "2   | 0-1   | 3",
        "2   |       | 0",
        "2   | 1     | 2",
        "1   | 0     | 1",
        "4   | 0-3   | f",
        "5   | 0     | 01",
        "5   | 0-4   | 1f",
        "8   | 0-7   | ff",
        "8   |       | 00",
        "32  | 0-31  | ffffffff",
        "33  | 0-32  | 1,ffffffff",
        "33  | 0     | 0,00000001",
        "36  | 0     | 0,00000001",
        "40  | 0-39  | ff,ffffffff",
        "40  |       | 00,00000000",
        "40  | 39    | 80,00000000",
        "64  | 0-63  | ffffffff,ffffffff",
        "64  | 63    | 80000000,00000000",
        "65  | 64    | 1,00000000,00000000",
        "96  | 0,95  | 80000000,00000000,00000001",
        "0   |       | ''",
    })
    void should_print_hex_chunks_of_32_bits_most_significant_first(int nbits, String list, String expected) {
        assertEquals(expected, Bitmap.print(bits(list), nbits));
    }

    @Test
    void should_ignore_bits_beyond_the_width_when_printing() {
        assertEquals("3", Bitmap.print(bits("0-5"), 2));
        assertEquals("0-1", Bitmap.printList(bits("0-5"), 2));
    }

    @ParameterizedTest(name = "%*pbl of [{1}] over {0} bits = \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "2   | 0,1       | 0-1",
        "8   | 0,2,3,4,5 | 0,2-5",
        "8   |           | ''",
        "8   | 0,2,4     | 0,2,4",
        "8   | 7         | 7",
        "8   | 6,7       | 6-7",
        "64  | 0-63      | 0-63",
        "64  | 1,3-4,63  | 1,3-4,63",
        "40  | 0-39      | 0-39",
    })
    void should_print_comma_separated_ranges(int nbits, String list, String expected) {
        assertEquals(expected, Bitmap.printList(bits(list), nbits));
    }

    @ParameterizedTest(name = "bitmap_parse(\"{0}\", {1} bits) = [{2}]")
    @CsvSource(delimiter = '|', value = {
        "3            | 2   | 0-1",
        "3\\n         | 2   | 0-1",
        "1            | 2   | 0",
        "2            | 2   | 1",
        "0            | 2   | ''",
        "00000003     | 2   | 0-1",
        "''           | 2   | ''",
        "\\n          | 2   | ''",
        "' '          | 2   | ''",
        ",            | 2   | ''",
        "' 3 '        | 2   | 0-1",
        "\\t3\\r      | 2   | 0-1",
        "F            | 4   | 0-3",
        "ff           | 8   | 0-7",
        "ff,ffffffff  | 40  | 0-39",
        "1,0          | 40  | 32",
        "1,,5         | 64  | 0,2,32",
        ",44          | 64  | 2,6",
        "1 2          | 64  | 1,32",
        "80000000,0   | 64  | 63",
        "3\\n5        | 2   | 0-1",
        "3\\0 5       | 2   | 0-1",
        // a ninth character that is no hex digit is skipped unseen by bitmap_get_x32_reverse
        "x12345678    | 64  | 3-6,9-10,12,14,18,20-21,25,28",
    })
    void should_parse_hex_chunks_counted_from_the_right(String input, int nbits, String expected) throws Exception {
        assertEquals(bits(expected), Bitmap.parse(bytes(input), nbits));
    }

    @ParameterizedTest(name = "bitmap_parse(\"{0}\", {1} bits) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "4            | 2   | EOVERFLOW",
        "ff           | 2   | EOVERFLOW",
        "1,0          | 2   | EOVERFLOW",
        "0,0          | 2   | EOVERFLOW",
        "x,0          | 2   | EOVERFLOW",
        "1ff,ffffffff | 40  | EOVERFLOW",
        "123456789    | 64  | EOVERFLOW",
        "000000001    | 64  | EOVERFLOW",
        "1,0,0        | 64  | EOVERFLOW",
        "x            | 2   | EINVAL",
        "0x3          | 2   | EINVAL",
        "3x           | 2   | EINVAL",
        "g            | 64  | EINVAL",
        "-1           | 2   | EINVAL",
        "+3           | 2   | EINVAL",
        "xx12345678   | 64  | EINVAL",
        "3;           | 2   | EINVAL",
    })
    void should_reject_bad_hex_masks(String input, int nbits, String expected) {
        assertEquals(errnoNamed(expected), errno(() -> Bitmap.parse(bytes(input), nbits)));
    }

    @Test
    void should_treat_latin1_nbsp_as_whitespace_like_the_kernel_ctype() throws Exception {
        assertEquals(bits("0-1"), Bitmap.parse(new byte[] {(byte) 0xa0, '3', (byte) 0xa0}, 2));
    }

    @Test
    void should_round_trip_a_wide_mask() throws Exception {
        BitSet b = bits("0,5,31-33,70,99");
        String text = Bitmap.print(b, 100);
        assertEquals("8,00000040,00000003,80000021", text);
        assertEquals(b, Bitmap.parse(bytes(text), 100));
        assertEquals(b, Bitmap.parselist(bytes(Bitmap.printList(b, 100)), 100));
    }

    @Test
    void should_convert_to_and_from_a_long() {
        assertEquals(bits("0,63"), Bitmap.ofLong(0x8000_0000_0000_0001L));
        assertEquals(0x8000_0000_0000_0001L, Bitmap.toLong(bits("0,63")));
        assertEquals(0, Bitmap.toLong(new BitSet()));
    }
}
