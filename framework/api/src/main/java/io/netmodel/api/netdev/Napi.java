package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ProviderType;

/** A {@code struct napi_struct} the driver added with {@code netif_napi_add}. */
@ProviderType
public interface Napi {
    /**
     * The NAPI id used by busy polling ({@code napi->napi_id}); 0 while the NAPI is not in
     * the hash (e.g. on 4.4 when the driver never called {@code napi_hash_add}).
     */
    int napiId();

    /** The poll weight given to {@code netif_napi_add} (64, {@code NAPI_POLL_WEIGHT}). */
    int weight();

    /** The device this NAPI belongs to. */
    NetDevice dev();
}
