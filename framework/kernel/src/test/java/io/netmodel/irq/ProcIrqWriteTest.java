package io.netmodel.irq;

import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writes to {@code /proc/irq/24/smp_affinity}, {@code smp_affinity_list} and
 * {@code /proc/irq/default_smp_affinity} on a 2-CPU 6.19 host (kernel-interfaces.md §4.2, §9 fact
 * 11; kernel/irq/proc.c {@code write_irq_affinity}, {@code default_affinity_write}): parse errors,
 * EINVAL for a mask with no online CPU, and the new mask in the descriptor the model delivers by.
 */
class ProcIrqWriteTest {
    private static final String IRQ = "/proc/irq/24/";
    private static final String DEFAULT = "/proc/irq/default_smp_affinity";

    private Host host;
    private TinyDriver driver;
    private IrqDesc desc;

    @BeforeEach
    void boot() {
        driver = TinyDriver.plain();
        host = Host.with("6.19", driver);
        desc = ((IrqAction) driver.irq).desc();
    }

    private String state() throws Exception {
        return host.read(IRQ + "smp_affinity") + host.read(IRQ + "smp_affinity_list")
            + host.read(IRQ + "effective_affinity") + host.read(IRQ + "effective_affinity_list");
    }

    @ParameterizedTest(name = "smp_affinity <- \"{0}\": mask {1}, list {2}, delivered on CPU {3}")
    @CsvSource({"1, 1, 0, 0", "2, 2, 1, 1", "2\\n, 2, 1, 1", "3, 3, 0-1, 0", "00000002, 2, 1, 1", "' 2 ', 2, 1, 1"})
    void should_move_the_irq_with_smp_affinity(String input, String mask, String list, int cpu) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(IRQ + "smp_affinity", text));
        assertEquals(mask + "\n", host.read(IRQ + "smp_affinity"));
        assertEquals(list + "\n", host.read(IRQ + "smp_affinity_list"));
        assertEquals(Integer.toHexString(1 << cpu) + "\n", host.read(IRQ + "effective_affinity"));
        assertEquals(cpu + "\n", host.read(IRQ + "effective_affinity_list"));
        assertEquals(Long.parseLong(mask, 16), desc.affinityMask());
        assertEquals(cpu, desc.effectiveCpu());
    }

    @ParameterizedTest(name = "smp_affinity_list <- \"{0}\": mask {1}")
    @CsvSource({"0, 1", "1\\n, 2", "0-1, 3", "'1,0', 3", "N, 2", "all, 3", "0-1:1/2, 1", "' 1 ', 2"})
    void should_move_the_irq_with_smp_affinity_list(String input, String mask) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(IRQ + "smp_affinity_list", text));
        assertEquals(mask + "\n", host.read(IRQ + "smp_affinity"));
        assertEquals(Long.parseLong(mask, 16), desc.affinityMask());
    }

    @ParameterizedTest(name = "smp_affinity <- \"{0}\" -> {1}, nothing moves")
    @CsvSource({"0, EINVAL", "\\n, EINVAL", "',', EINVAL", "00000000, EINVAL", "4, EOVERFLOW", "7, EOVERFLOW",
        "'1,0', EOVERFLOW", "123456789, EOVERFLOW", "x, EINVAL", "0x2, EINVAL", "-1, EINVAL", "2;, EINVAL"})
    void should_reject_bad_or_empty_hex_masks(String input, String expected) throws Exception {
        host.write(IRQ + "smp_affinity", "2");
        String before = state();
        assertEquals(errnoNamed(expected), errno(() -> host.write(IRQ + "smp_affinity", input.replace("\\n", "\n"))));
        assertEquals(before, state());
        assertEquals(2, desc.affinityMask());
    }

    @ParameterizedTest(name = "smp_affinity_list <- \"{0}\" -> {1}, nothing moves")
    @CsvSource({"\\n, EINVAL", "' ', EINVAL", "0-1:0/2, EINVAL", "2, ERANGE", "0-2, ERANGE", "4294967296, EOVERFLOW",
        "1-0, EINVAL", "0-1:2/1, EINVAL", "x, EINVAL", "1a, EINVAL", "-1, EINVAL"})
    void should_reject_bad_or_empty_lists(String input, String expected) throws Exception {
        host.write(IRQ + "smp_affinity", "2");
        String before = state();
        assertEquals(errnoNamed(expected),
            errno(() -> host.write(IRQ + "smp_affinity_list", input.replace("\\n", "\n"))));
        assertEquals(before, state());
    }

    @Test
    void should_set_the_default_affinity_for_irqs_requested_later_only() throws Exception {
        TinyDriver second = TinyDriver.plain();
        assertEquals(2, host.write(DEFAULT, "2\n"));
        assertEquals("2\n", host.read(DEFAULT));
        assertEquals("3\n", host.read(IRQ + "smp_affinity"), "an IRQ already requested keeps its mask");
        assertEquals(2, host.kernel.irqs().defaultAffinity());

        host.kernel.modules().driverGone(driver);
        host.kernel.modules().driverAppeared(second);
        assertEquals("2\n", host.read(IRQ + "smp_affinity"));
        assertEquals("1\n", host.read(IRQ + "smp_affinity_list"));
        assertEquals("1\n", host.read(IRQ + "effective_affinity_list"));
        assertEquals(1, ((IrqAction) second.irq).desc().effectiveCpu());
    }

    @ParameterizedTest(name = "default_smp_affinity <- \"{0}\" -> {1}, unchanged")
    @CsvSource({"0, EINVAL", "\\n, EINVAL", "4, EOVERFLOW", "x, EINVAL", "'1,0', EOVERFLOW", "0-1, EINVAL"})
    void should_reject_bad_or_empty_default_masks(String input, String expected) throws Exception {
        assertEquals(errnoNamed(expected), errno(() -> host.write(DEFAULT, input.replace("\\n", "\n"))));
        assertEquals("3\n", host.read(DEFAULT));
        assertEquals(3, host.kernel.irqs().defaultAffinity());
    }

    @Test
    void should_take_a_write_at_any_offset_as_a_whole_value() throws Exception {
        assertEquals(2, host.writeAt(IRQ + "smp_affinity", "1\n", 5));
        assertEquals("1\n", host.read(IRQ + "smp_affinity"));
    }
}
