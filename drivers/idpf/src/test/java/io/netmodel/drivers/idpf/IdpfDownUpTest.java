package io.netmodel.drivers.idpf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down/up} on idpf: {@code idpf_vport_stop} disables and deletes the
 * q_vectors' NAPIs and frees their {@code idpf-eth0-TxRx-N} IRQs, the mailbox's stays;
 * {@code idpf_vport_open} sets them up again. The NAPIs are new at every up: new ids before
 * {@link IdpfHistory#NAPI_CONFIG} (6.15), their kept ids after.
 */
class IdpfDownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.15", "6.18"})
    void the_queue_lines_go_and_the_mailbox_stays(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 4, "idpf", new IdpfDriver());
        assertEquals(List.of("idpf-Mailbox-0"), r.irqsDown());
        r.assertIrqsBack();
        assertEquals(0, r.napisDown(), "idpf_vport_intr_rel deletes the NAPIs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.14"})
    void ids_are_new_before_napi_config(String kernel) throws Exception {
        DownUp.run(kernel, 4, "idpf", new IdpfDriver()).assertIdsNew();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.15", "6.18"})
    void ids_are_kept_with_napi_config(String kernel) throws Exception {
        DownUp.run(kernel, 4, "idpf", new IdpfDriver()).assertIdsKept();
    }
}
