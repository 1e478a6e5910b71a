package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code napi_hash}: NAPI ids for busy polling. Ids come from a global counter that is never
 * reused; from 4.12 it starts above {@code NR_CPUS} (so an id can never be mistaken for a
 * sender CPU), before that at 1. 0 means "not hashed", which busy polling rejects.
 */
public final class NapiHash {
    /** The modelled {@code CONFIG_NR_CPUS}; ids start at NR_CPUS + 1 (257 on the reference guest). */
    public static final int NR_CPUS = 256;

    private final int minNapiId;
    private int napiGenId;
    private final Map<Integer, NapiImpl> byId = new HashMap<>();

    public NapiHash(KernelProfile profile) {
        this.minNapiId = profile.has(Behaviour.NAPI_ID_ABOVE_NR_CPUS) ? NR_CPUS + 1 : 1;
        this.napiGenId = minNapiId - 1;
    }

    /**
     * {@code napi_hash_add}: gives {@code napi} a new id unless it is in the hash (4.5-5.9's
     * {@code NAPI_STATE_HASHED}: a driver's own call after {@code netif_napi_add} changes nothing).
     * A NAPI that left the hash ({@code napi_disable} from 6.13 keeps the stale number, as Linux
     * does) gets a new one.
     */
    public void add(NapiImpl napi) {
        if (napi.napiId != 0 && byId.get(napi.napiId) == napi) {
            return;
        }
        do { // 0..NR_CPUS is reserved for sender_cpu; skip an id a napi_config keeps hashed
            if (++napiGenId < minNapiId) {
                napiGenId = minNapiId;
            }
        } while (byId.containsKey(napiGenId));
        napi.napiId = napiGenId;
        byId.put(napi.napiId, napi);
    }

    /**
     * {@code napi_hash_add_with_id} (6.13): hashes {@code napi} under an id a {@code napi_config}
     * kept; the counter does not move.
     */
    public void addWithId(NapiImpl napi, int id) {
        napi.napiId = id;
        byId.put(id, napi);
    }

    /** {@code napi_hash_del}: the id stops resolving (busy pollers holding it find nothing). */
    public void del(NapiImpl napi) {
        if (napi.napiId != 0 && byId.get(napi.napiId) == napi) {
            byId.remove(napi.napiId);
        }
    }

    /** Whether {@code napi} is in the hash now (busy polling can find it by its id). */
    public boolean hashed(NapiImpl napi) {
        return napi.napiId != 0 && byId.get(napi.napiId) == napi;
    }

    /** How many NAPIs are hashed now. */
    public int size() {
        return byId.size();
    }

    /** {@code napi_by_id}. */
    public NapiImpl byId(int id) {
        return byId.get(id);
    }
}
