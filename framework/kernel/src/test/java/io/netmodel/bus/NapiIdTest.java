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
 * {@code netif_napi_add} does. From 4.12 ids start at NR_CPUS + 1 = 257 ("Busy polling should
 * ignore sender CPUs"); before, {@code napi_gen_id} started at 1.
 */
class NapiIdTest {

    @ParameterizedTest(name = "{0}, driver calls napi_hash_add = {1}: napi_id {2}")
    @CsvSource({
        "3.11, false, 0",
        "4.4,  false, 0",
        "4.4,  true,  1",
        "4.5,  false, 1",
        "4.5,  true,  1",
        "4.11, false, 1",
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

    @ParameterizedTest(name = "{0}: a rebound device gets napi_id {1}, ids are not reused")
    @CsvSource({"4.5, 2", "6.19, 258"})
    void should_not_reuse_napi_ids(String version, int expected) {
        TinyDriver first = TinyDriver.plain();
        Host host = Host.with(version, first);
        host.kernel.modules().driverGone(first);
        TinyDriver second = TinyDriver.plain();
        host.kernel.modules().driverAppeared(second);
        assertEquals(expected, second.napi.napiId());
    }
}
