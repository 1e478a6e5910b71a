package io.netmodel.drivers.testkit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The IRQ action names Linux network drivers use, as {@code /proc/interrupts} shows them. A
 * driver model's names should follow one of them so tools that parse the file (irqbalance,
 * {@code set_irq_affinity.sh}) treat the model like the real thing.
 */
public final class IrqNames {
    /** One pattern per convention; a name must match one of them whole. */
    public static final List<Pattern> CONVENTIONS = List.of(
        // e1000, igb "other" vector, ixgbe "other": the netdev name (request_irq(..., netdev->name))
        Pattern.compile("eth\\d+"),
        // igb/ixgbe/i40e q_vectors: "%s-TxRx-%u", "%s-rx-%u", "%s-tx-%u" (igb_request_msix)
        Pattern.compile("eth\\d+-(TxRx|rx|tx)-\\d+"),
        // one vector per direction without a queue number (single-queue NICs)
        Pattern.compile("eth\\d+-(rx|tx)"),
        // virtio_pci vp_request_msix_vectors: "%s-config", "%s-input.%d", "%s-output.%d", "%s-virtqueues"
        Pattern.compile("virtio\\d+-(config|input\\.\\d+|output\\.\\d+|virtqueues)"),
        // virtio INTx: the virtio device name
        Pattern.compile("virtio\\d+"),
        // idpf: "%s-Mailbox-%d" (idpf_mb_intr_req_irq), "%s-%s-%s-%d" driver, netdev, TxRx|Rx|Tx, vector
        // (idpf_vport_intr_req_irq)
        Pattern.compile("idpf-Mailbox-\\d+"),
        Pattern.compile("idpf-eth\\d+-(TxRx|Rx|Tx)-\\d+"),
        // mlx4_core: "mlx4-async@pci:%s", "mlx4-comp-%d@pci:%s" (< 4.2), "mlx4-%d@%s" (4.2+)
        Pattern.compile("mlx4-(async|comp-\\d+|\\d+)@(pci:)?[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]"));

    private IrqNames() {
    }

    /** Whether {@code name} (one action, not a {@code ", "}-joined shared line) follows a convention. */
    public static boolean conventional(String name) {
        for (Pattern p : CONVENTIONS) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
