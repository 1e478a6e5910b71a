package io.netmodel.kobj;

import static io.netmodel.kobj.BitmapTest.bits;
import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bitmap_parselist} (lib/bitmap-str.c; kernel-interfaces.md §2.7): the parser behind
 * {@code smp_affinity_list} and every {@code cpumask_parselist_user}. Escapes as in
 * {@link BitmapTest}.
 */
class BitmapParselistTest {

    @ParameterizedTest(name = "bitmap_parselist(\"{0}\", {1} bits) = [{2}]")
    @CsvSource(delimiter = '|', value = {
        "0-1             | 2    | 0-1",
        "0-1\\n          | 2    | 0-1",
        "0,2-5           | 8    | 0,2-5",
        "1               | 2    | 1",
        "007             | 8    | 7",
        "''              | 8    | ''",
        "\\n             | 8    | ''",
        "' , '           | 8    | ''",
        "1,              | 8    | 1",
        ",1              | 8    | 1",
        "' 1'            | 8    | 1",
        "1 3             | 8    | 1,3",
        "1\\t3           | 8    | 1,3",
        "1,1-2,2         | 8    | 1-2",
        "all             | 4    | 0-3",
        "ALL             | 4    | 0-3",
        "aLl\\n          | 4    | 0-3",
        "N               | 4    | 3",
        "0-N             | 4    | 0-3",
        "N-N             | 4    | 3",
        "all:1/2         | 4    | 0,2",
        "0-7:2/4         | 8    | 0-1,4-5",
        "0-1023:2/256    | 1024 | 0-1,256-257,512-513,768-769",
        "1-6:2/3         | 8    | 1-2,4-5",
        "0-3:3/3         | 4    | 0-3",
        "0-3:0/2         | 4    | ''",
        // a region that ends at a newline ends the list; whitespace before the newline does not
        "1\\n3           | 8    | 1",
        "'1 \\n3'        | 8    | 1,3",
        "1\\03           | 8    | 1",
        // after used/group the next region starts wherever the number stopped
        "0-3:1/2N        | 4    | 0,2-3",
        "0-3:1/2\\n1     | 4    | 0-2",
    })
    void should_parse_ranges_groups_and_keywords(String input, int nbits, String expected) throws Exception {
        assertEquals(bits(expected), Bitmap.parselist(bytes(input), nbits));
    }

    @ParameterizedTest(name = "bitmap_parselist(\"{0}\", {1} bits) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "2                       | 2 | ERANGE",
        "0-2                     | 2 | ERANGE",
        "4294967294              | 2 | ERANGE",
        "0-4:1/2                 | 4 | ERANGE",
        // end + 1 wraps to group 0 in u32: EINVAL is checked before ERANGE
        "4294967295              | 2 | EINVAL",
        "4294967296              | 2 | EOVERFLOW",
        "0-4294967296            | 2 | EOVERFLOW",
        "99999999999999999999999 | 2 | EOVERFLOW",
        "0-1:4294967296/2        | 2 | EOVERFLOW",
        "1-0                     | 2 | EINVAL",
        "N-0                     | 4 | EINVAL",
        "0-3:1/0                 | 4 | EINVAL",
        "0-3:3/2                 | 4 | EINVAL",
        "a                       | 2 | EINVAL",
        "1a                      | 2 | EINVAL",
        "1-                      | 2 | EINVAL",
        "-1                      | 2 | EINVAL",
        "+1                      | 2 | EINVAL",
        "0x1                     | 2 | EINVAL",
        "1.                      | 2 | EINVAL",
        "0-1:1                   | 2 | EINVAL",
        "0-1:1/                  | 2 | EINVAL",
        "0-1:/2                  | 2 | EINVAL",
        "0:1/2                   | 2 | EINVAL",
        "allx                    | 4 | EINVAL",
        "al                      | 4 | EINVAL",
        "0-3:1/2x                | 4 | EINVAL",
        "0-3:1/2-1               | 4 | EINVAL",
        "n                       | 4 | EINVAL",
    })
    void should_reject_bad_lists(String input, int nbits, String expected) {
        assertEquals(errnoNamed(expected), errno(() -> Bitmap.parselist(bytes(input), nbits)));
    }
}
