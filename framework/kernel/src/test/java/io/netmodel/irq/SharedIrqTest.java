package io.netmodel.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.kernel.Profile;
import io.netmodel.kobj.KTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shared legacy line (IRQF_SHARED): one descriptor, one row, the actions listed in order. */
class SharedIrqTest {
    private final KTree tree = new KTree(() -> 0L);
    private final IrqTable irqs = new IrqTable(2, tree, new Profile(KernelVersion.parse("6.19")));

    @Test
    void should_list_every_action_on_one_row_and_free_the_line_with_the_last() {
        List<String> handled = new ArrayList<>();
        IrqAction a = irqs.requestLegacy(11, "virtio3", irq -> handled.add(irq.name()));
        IrqAction b = irqs.requestLegacy(11, "virtio5", irq -> handled.add(irq.name()));
        assertEquals(" 11:          0          0  IO-APIC  11-fasteoi   virtio3, virtio5\n", row(11));
        assertTrue(tree.root().dir("proc").dir("irq").dir("11").names().containsAll(List.of("virtio3", "virtio5")));

        a.desc().fire(1);
        assertEquals(List.of("virtio3", "virtio5"), handled, "every handler of a shared line runs");
        assertEquals(1, a.desc().count(1));

        irqs.free(a);
        assertEquals(" 11:          0          1  IO-APIC  11-fasteoi   virtio5\n", row(11));
        assertFalse(tree.root().dir("proc").dir("irq").dir("11").names().contains("virtio3"));
        irqs.free(b);
        assertNull(irqs.get(11));
        assertEquals("", row(11));
    }

    private String row(int irq) {
        return irqs.showInterrupts().lines().filter(l -> l.startsWith(String.format("%3d:", irq)))
            .map(l -> l + "\n").findFirst().orElse("");
    }
}
