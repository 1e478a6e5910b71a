package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's NAPI poll function ({@code int (*poll)(struct napi_struct *, int budget)}).
 * Semantically: {@code for (i = 0; i < budget && (p = ring.poll()) != null; i++) deliver(p);
 * return i;} and, when {@code i < budget}, {@code napi.completeDone(i)} before returning.
 * Returning more than {@code budget} is a contract violation the core reports.
 */
@ConsumerType
@FunctionalInterface
public interface NapiPoll {
    int poll(Napi napi, int budget);
}
