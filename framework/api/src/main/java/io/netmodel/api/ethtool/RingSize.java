package io.netmodel.api.ethtool;

/** The settable ring sizes, by their {@code ethtool -G} names ({@code ETHTOOL_A_RINGS_*}). */
public enum RingSize {
    RX("rx"), RX_MINI("rx-mini"), RX_JUMBO("rx-jumbo"), TX("tx");

    private final String ethtoolName;

    RingSize(String ethtoolName) {
        this.ethtoolName = ethtoolName;
    }

    /** The parameter name {@code ethtool -G} takes. */
    public String ethtoolName() {
        return ethtoolName;
    }
}
