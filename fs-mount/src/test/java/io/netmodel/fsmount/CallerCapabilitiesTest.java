package io.netmodel.fsmount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CallerCapabilitiesTest {
    private static String status(String capEff) {
        return "Name:\tbash\nUid:\t0\t0\t0\t0\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t"
            + capEff + "\nCapBnd:\t000001ffffffffff\n";
    }

    @Test
    void root_with_the_full_set_has_cap_net_admin() {
        assertTrue(CallerCapabilities.hasCapability(status("000001ffffffffff"), CallerCapabilities.CAP_NET_ADMIN));
    }

    @Test
    void root_with_cap_net_admin_dropped_has_not() {
        // setpriv --bounding-set=-net_admin: every bit but 12
        assertFalse(CallerCapabilities.hasCapability(status("000001ffffffefff"), CallerCapabilities.CAP_NET_ADMIN));
    }

    @Test
    void a_user_with_only_cap_net_admin_has_it() {
        assertTrue(CallerCapabilities.hasCapability(status("0000000000001000"), 12));
        assertFalse(CallerCapabilities.hasCapability(status("0000000000001000"), 21));
    }

    @Test
    void a_status_without_capeff_is_an_error_not_a_guess() {
        assertThrows(IllegalArgumentException.class, () -> CallerCapabilities.hasCapability("Name:\tx\n", 12));
    }

    @Test
    void this_process_is_read_from_proc_as_the_kernel_shows_it() throws Exception {
        int pid = (int) ProcessHandle.current().pid();
        String status = Files.readString(Path.of("/proc/self/status"));
        assertEquals(CallerCapabilities.hasCapability(status, 12), CallerCapabilities.netAdmin(pid, 12345));
    }

    @Test
    void a_gone_process_falls_back_to_uid_0() {
        int noSuchPid = Integer.MAX_VALUE;
        assertTrue(CallerCapabilities.netAdmin(noSuchPid, 0));
        assertFalse(CallerCapabilities.netAdmin(noSuchPid, 1000));
    }
}
