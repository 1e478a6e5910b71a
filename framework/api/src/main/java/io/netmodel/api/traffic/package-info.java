/**
 * Traffic on the running model: frames arriving at eth0 in real time, so the receive path runs
 * on the live kernel and its counters ({@code /proc/interrupts}, {@code /proc/net/dev},
 * {@code softnet_stat}, {@code /proc/stat}) move the way the knobs in the mount say.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.netmodel.api.traffic;
