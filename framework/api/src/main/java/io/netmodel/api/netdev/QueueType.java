package io.netmodel.api.netdev;

/** {@code enum netdev_queue_type}: the netlink enum {@code queue-type} (rx 0, tx 1). */
public enum QueueType {
    RX, TX
}
