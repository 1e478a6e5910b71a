package io.netmodel.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.bus.NicModel;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/interrupts} byte for byte (kernel-interfaces.md §4.1, §9 fact 12): header of
 * (prec+8) spaces and {@code CPU%-8d}, IRQ rows {@code %*d:} + {@code " %10u"} per CPU +
 * {@code " %8s"} chip + {@code " %*lu"} hwirq + {@code "-%-8s"} flow + two spaces + action,
 * then the x86 summary rows of the reference 6.18 guest.
 */
class ProcInterruptsTest {
    private static final String HEADER = "           CPU0       CPU1       \n";
    private static final String ARCH_ROWS = String.join("\n",
        "NMI:          0          0   Non-maskable interrupts",
        "LOC:          0          0   Local timer interrupts",
        "SPU:          0          0   Spurious interrupts",
        "PMI:          0          0   Performance monitoring interrupts",
        "IWI:          0          0   IRQ work interrupts",
        "RTR:          0          0   APIC ICR read retries",
        "RES:          0          0   Rescheduling interrupts",
        "CAL:          0          0   Function call interrupts",
        "TLB:          0          0   TLB shootdowns",
        "TRM:          0          0   Thermal event interrupts",
        "HYP:          0          0   Hypervisor callback interrupts",
        "ERR:          0",
        "MIS:          0",
        "PIN:          0          0   Posted-interrupt notification event",
        "NPI:          0          0   Nested posted-interrupt event",
        "PIW:          0          0   Posted-interrupt wakeup event",
        "");
    private static final String ROW_24 =
        " 24:          0          0 PCI-MSIX-0000:00:03.0   0-edge      tiny0-rx\n";

    @Test
    void should_show_only_the_summary_rows_before_any_driver_binds() throws Exception {
        assertEquals(HEADER + ARCH_ROWS, Host.bare("6.19").read("/proc/interrupts"));
    }

    @Test
    void should_show_the_drivers_msix_row() throws Exception {
        assertEquals(HEADER + ROW_24 + ARCH_ROWS, Host.withEth0().read("/proc/interrupts"));
    }

    /** Before 6.13, {@code "%10u "} per CPU then {@code " %8s"}: two spaces before the chip (f9ed1f7c2e26). */
    @Test
    void should_put_two_spaces_before_the_chip_before_6_13() throws Exception {
        String row = Host.with("6.12", TinyDriver.plain()).read("/proc/interrupts").split("\n")[1];
        assertEquals(" 24:          0          0  PCI-MSIX-0000:00:03.0   0-edge      tiny0-rx", row);
        assertEquals(ROW_24, Host.with("6.13", TinyDriver.plain()).read("/proc/interrupts").split("\n")[1] + "\n");
    }

    @Test
    void should_count_per_cpu_after_the_irq_fires() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        IrqDesc desc = ((IrqAction) driver.irq).desc();
        assertEquals(24, desc.number());
        desc.fire(1);
        desc.fire(1);
        desc.fire(1);
        desc.fire(0);
        String row = " 24:          1          3 PCI-MSIX-0000:00:03.0   0-edge      tiny0-rx\n";
        assertEquals(HEADER + row + ARCH_ROWS, host.read("/proc/interrupts"));
        assertEquals(3, host.kernel.irqs().get(24).count(1));
    }

    @Test
    void should_drop_the_row_when_the_driver_goes_and_reuse_the_number() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        host.kernel.modules().driverGone(driver);
        assertEquals(HEADER + ARCH_ROWS, host.read("/proc/interrupts"));

        host.kernel.modules().driverAppeared(TinyDriver.plain());
        assertEquals(HEADER + ROW_24 + ARCH_ROWS, host.read("/proc/interrupts"));
    }

    @Test
    void should_size_the_header_and_columns_by_online_cpus() throws Exception {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(4, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1))));
        k.modules().driverAppeared(TinyDriver.plain());
        String text = new String(k.fs().open("/proc/interrupts", false, Caller.ROOT).read(0, 65536),
            StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        assertEquals("           CPU0       CPU1       CPU2       CPU3       ", lines[0]);
        assertEquals(" 24:          0          0          0          0 PCI-MSIX-0000:00:03.0   0-edge      tiny0-rx",
            lines[1]);
        assertEquals("NMI:          0          0          0          0   Non-maskable interrupts", lines[2]);
        assertEquals("ERR:          0", lines[13]);
    }
}
