package io.netmodel.drivers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.driver.NetDriver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code ip link set eth0 down} and {@code up} on a freshly loaded driver, with what each
 * step left: the {@code /proc/interrupts} action names and the NAPI ids, for the per-driver tests of
 * what the driver's {@code ndo_stop}/{@code ndo_open} do on a given release.
 *
 * @param irqsUp the IRQ action names after modprobe (the device up)
 * @param irqsDown while down
 * @param irqsUpAgain after the second up
 * @param idsUp NAPI ids after modprobe, in {@code netif_napi_add} order
 * @param napisDown how many NAPIs the device has while down (0 for a driver that deletes them in {@code ndo_stop})
 * @param idsUpAgain NAPI ids after the second up
 */
public record DownUp(List<String> irqsUp, List<String> irqsDown, List<String> irqsUpAgain, List<Integer> idsUp,
                     int napisDown, List<Integer> idsUpAgain) {

    /** Boots {@code version} with {@code cpus} CPUs and one {@code nic}, loads {@code driver}, takes eth0 down and up. */
    public static DownUp run(String version, int cpus, String nic, NetDriver driver) throws Exception {
        DriverHost host = DriverHost.boot(version, cpus, nic);
        host.load(driver);
        List<String> irqsUp = host.irqNames();
        List<Integer> idsUp = host.napiIds("eth0");
        host.setUp("eth0", false);
        List<String> irqsDown = host.irqNames();
        int napisDown = host.netdev("eth0").napis().size();
        host.setUp("eth0", true);
        return new DownUp(irqsUp, irqsDown, host.irqNames(), idsUp, napisDown, host.napiIds("eth0"));
    }

    /** The NAPIs came back with the ids they had ({@code napi_config}, or ids that never left the hash). */
    public void assertIdsKept() {
        assertEquals(idsUp, idsUpAgain, "the same NAPI ids after down/up");
    }

    /** Every NAPI has a new id, above every id it had (the counter moved on), as many as before. */
    public void assertIdsNew() {
        assertEquals(idsUp.size(), idsUpAgain.size(), "as many NAPIs after down/up");
        int before = Collections.max(idsUp);
        List<Integer> old = new ArrayList<>();
        for (int id : idsUpAgain) {
            if (id <= before) {
                old.add(id);
            }
        }
        assertEquals(List.of(), old, "new ids above " + before + " (were " + idsUp + ", now " + idsUpAgain + ")");
    }

    /** The IRQ lines after the second up are those after modprobe. */
    public void assertIrqsBack() {
        assertEquals(irqsUp, irqsUpAgain, "the same /proc/interrupts lines after down/up");
        assertTrue(!irqsUp.isEmpty(), "a bound NIC has IRQ lines while up");
    }
}
