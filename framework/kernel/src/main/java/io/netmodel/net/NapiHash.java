package io.netmodel.net;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code napi_hash}: NAPI ids for busy polling. Ids come from a global counter that starts
 * above {@code NR_CPUS} (so an id can never be mistaken for a CPU number, commit 545cd5e5ec54)
 * and is never reused; 0 means "not hashed", which {@code sk_can_busy_loop} rejects.
 */
public final class NapiHash {
    /** The modelled {@code CONFIG_NR_CPUS}; ids start at NR_CPUS + 1 (257 on the reference guest). */
    public static final int NR_CPUS = 256;
    private static final int MIN_NAPI_ID = NR_CPUS + 1;

    private int napiGenId = NR_CPUS;
    private final Map<Integer, NapiImpl> byId = new HashMap<>();

    /** {@code napi_hash_add}: gives {@code napi} an id unless it has one. */
    public void add(NapiImpl napi) {
        if (napi.napiId != 0) {
            return;
        }
        if (++napiGenId < MIN_NAPI_ID) {
            napiGenId = MIN_NAPI_ID;
        }
        napi.napiId = napiGenId;
        byId.put(napi.napiId, napi);
    }

    /** {@code napi_hash_del}: the id stops resolving (busy pollers holding it find nothing). */
    public void del(NapiImpl napi) {
        if (napi.napiId != 0) {
            byId.remove(napi.napiId);
        }
    }

    /** {@code napi_by_id}. */
    public NapiImpl byId(int id) {
        return byId.get(id);
    }
}
