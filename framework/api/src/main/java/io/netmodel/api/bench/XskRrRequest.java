package io.netmodel.api.bench;

/**
 * One xsk_rr run: an open-loop client sending {@code 1e9 / periodNs} requests per second,
 * the server replying inline, the client spinning {@code delayNs} after each reply.
 *
 * @param periodNs send period (xsk_rr {@code -P}, compared in ns: "12K" is 80000)
 * @param delayNs client application delay after a reply (xsk_rr {@code -d}), a spin
 * @param mode polling set-up; null only for {@link BenchService#xskRrLive}, where it means "what the knobs say"
 * @param durationNs simulated time to run (after warm-up)
 * @param seed random seed: same seed, same request, same result
 */
public record XskRrRequest(long periodNs, long delayNs, XskMode mode, long durationNs, long seed) {
    public XskRrRequest {
        if (periodNs <= 0) {
            throw new IllegalArgumentException("--rate must be > 0");
        }
        if (delayNs < 0) {
            throw new IllegalArgumentException("--delay must be >= 0");
        }
        if (durationNs <= 0) {
            throw new IllegalArgumentException("--duration must be > 0");
        }
    }
}
