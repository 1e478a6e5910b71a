package io.netmodel.api.ethtool;

/** The settable channel counts, by their {@code ethtool -L} names ({@code ETHTOOL_A_CHANNELS_*_COUNT}). */
public enum ChannelParam {
    RX("rx"), TX("tx"), OTHER("other"), COMBINED("combined");

    private final String ethtoolName;

    ChannelParam(String ethtoolName) {
        this.ethtoolName = ethtoolName;
    }

    /** The parameter name {@code ethtool -L} takes. */
    public String ethtoolName() {
        return ethtoolName;
    }
}
