package io.netmodel.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NAPI id assignment (kernel-algorithms.md table (a), row "NAPI ID given by netif_napi_add"):
 * before 4.5 only an explicit {@code napi_hash_add} gives an id; from 4.5 (commit 93d05d4a320c)
 * {@code netif_napi_add} does. Ids start at NR_CPUS + 1 = 257 in this model.
 *
 * <p>Note: kernel-algorithms.md says MIN_NAPI_ID = NR_CPUS + 1 applies only since 4.12
 * ("Busy polling should ignore sender CPUs"); before, {@code napi_gen_id} started at 1. The
 * model uses 257 on every release (the 4.4/4.5 rows below assert that model choice); the id
 * value is not visible to userspace before 4.12 (no SO_INCOMING_NAPI_ID, no netlink).
 */
class NapiIdTest {

    @ParameterizedTest(name = "{0}, driver calls napi_hash_add = {1}: napi_id {2}")
    @CsvSource({
        "3.11, false, 0",
        "4.4,  false, 0",
        "4.4,  true,  257",
        "4.5,  false, 257",
        "4.5,  true,  257",
        "4.12, false, 257",
        "6.19, false, 257",
    })
    void should_assign_the_first_napi_id_by_release(String version, boolean hashAdd, int expected) {
        TinyDriver driver = hashAdd ? TinyDriver.hashing() : TinyDriver.plain();
        Host host = Host.with(version, driver);
        assertEquals(expected, driver.napi.napiId());
        if (expected != 0) {
            assertSame(driver.napi, host.kernel.netdevs().napiHash().byId(expected));
        }
    }

    @ParameterizedTest(name = "{0}: a rebound device gets napi_id 258, ids are not reused")
    @CsvSource({"4.5", "6.19"})
    void should_not_reuse_napi_ids(String version) {
        TinyDriver first = TinyDriver.plain();
        Host host = Host.with(version, first);
        host.kernel.modules().driverGone(first);
        TinyDriver second = TinyDriver.plain();
        host.kernel.modules().driverAppeared(second);
        assertEquals(258, second.napi.napiId());
    }
}
