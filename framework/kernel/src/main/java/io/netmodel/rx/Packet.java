package io.netmodel.rx;

/** A frame on its way: when the request it belongs to was sent (the client's timestamp). */
final class Packet {
    final long sentAtNs;
    final boolean request;

    Packet(long sentAtNs, boolean request) {
        this.sentAtNs = sentAtNs;
        this.request = request;
    }
}
