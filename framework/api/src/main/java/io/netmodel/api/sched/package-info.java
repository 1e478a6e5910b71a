/**
 * The model's tasks (kernel threads such as {@code ksoftirqd/N} and {@code napi/eth0-257}) and
 * the scheduler calls tools make on them: {@code sched_getscheduler}/{@code sched_setscheduler}
 * ({@code chrt}), {@code sched_getaffinity}/{@code sched_setaffinity} ({@code taskset}), and the
 * task list {@code ps} prints. Errors carry the kernel's errno.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.netmodel.api.sched;
