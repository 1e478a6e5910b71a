package io.netmodel.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kernel.Profile;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MSI-X descriptors live from {@code pci_alloc_irq_vectors} to {@code pci_free_irq_vectors}:
 * numbers at allocation, {@code /proc/irq/N/} from the first {@code request_irq}, and counts and a
 * set affinity kept across {@code free_irq}, as a driver that frees its IRQs at {@code ndo_stop}
 * and keeps its vectors (ixgbe, igb) shows them after {@code ip link set down; up}.
 */
class MsixVectorsTest {
    private final KTree tree = new KTree(() -> 0L);
    private final IrqTable irqs = new IrqTable(2, tree, new Profile(KernelVersion.parse("6.19")));

    @Test
    void should_number_vectors_at_allocation_and_show_them_only_once_requested() throws VfsException {
        IrqDesc[] a = irqs.allocMsix("0000:00:03.0", 2);
        IrqDesc[] b = irqs.allocMsix("0000:00:04.0", 1);
        assertEquals(List.of(24, 25, 26), List.of(a[0].number(), a[1].number(), b[0].number()));
        assertEquals("", row(24), "no action, no count: no row");
        assertNull(procIrq().child("24"), "no /proc/irq/N before request_irq");

        IrqAction rx = irqs.requestMsix(b[0], "eth1-TxRx-0", irq -> { });
        assertEquals(26, rx.number(), "the number the allocation gave, not the lowest free at request");
        assertEquals(" 26:          0          0 PCI-MSIX-0000:00:04.0   0-edge      eth1-TxRx-0\n", row(26));
        assertTrue(((KDir) tree.lookup("/proc/irq/26")).names().containsAll(List.of("smp_affinity", "eth1-TxRx-0")));
        assertThrows(IllegalStateException.class, () -> irqs.requestMsix(b[0], "again", irq -> { }), "MSI-X is never shared");
    }

    @Test
    void should_keep_the_descriptor_its_counts_and_set_affinity_across_free_irq() throws VfsException {
        IrqDesc[] v = irqs.allocMsix("0000:00:03.0", 2);
        IrqAction rx = irqs.requestMsix(v[0], "eth0-TxRx-0", irq -> { });
        IrqAction other = irqs.requestMsix(v[1], "eth0", irq -> { });
        rx.desc().fire(1);
        ((io.netmodel.kobj.KAttr) tree.lookup("/proc/irq/24/smp_affinity_list")).store("1\n".getBytes(), null);
        irqs.free(rx);
        irqs.free(other);

        assertSame(v[0], irqs.get(24), "free_irq keeps an MSI-X descriptor");
        assertEquals(" 24:          0          1 PCI-MSIX-0000:00:03.0   0-edge    \n", row(24),
            "a freed line that fired keeps its row, without a name");
        assertEquals("", row(25), "a freed line that never fired has none");
        assertFalse(((KDir) tree.lookup("/proc/irq/24")).names().contains("eth0-TxRx-0"), "unregister_handler_proc");
        assertTrue(((KDir) tree.lookup("/proc/irq/24")).names().contains("smp_affinity"), "/proc/irq/N stays");

        irqs.setDefaultAffinity(0b01);
        IrqAction again = irqs.requestMsix(v[0], "eth0-TxRx-0", irq -> { });
        IrqAction otherAgain = irqs.requestMsix(v[1], "eth0", irq -> { });
        assertEquals(0b10, again.desc().affinityMask(), "IRQD_AFFINITY_SET: userspace's mask survives ifdown/ifup");
        assertEquals(1, again.desc().count(1), "the counts too");
        assertEquals(0b01, otherAgain.desc().affinityMask(), "an IRQ nobody set takes default_smp_affinity again");
    }

    @Test
    void should_free_the_numbers_and_directories_with_the_vectors() throws VfsException {
        IrqDesc[] v = irqs.allocMsix("0000:00:03.0", 2);
        IrqAction rx = irqs.requestMsix(v[0], "eth0-TxRx-0", irq -> { });
        assertThrows(IllegalStateException.class, () -> irqs.freeMsix(v), "free_irq comes first");
        irqs.free(rx);
        irqs.freeMsix(v);
        assertNull(irqs.get(24));
        assertNull(procIrq().child("24"), "free_desc: unregister_irq_proc");
        assertEquals(24, irqs.allocMsix("0000:00:04.0", 1)[0].number(), "the lowest free number again");
    }

    private KDir procIrq() throws VfsException {
        return (KDir) tree.lookup("/proc/irq");
    }

    private String row(int irq) {
        return irqs.showInterrupts().lines().filter(l -> l.startsWith(String.format("%3d:", irq)))
            .map(l -> l + "\n").findFirst().orElse("");
    }
}
