package io.netmodel.api.ethtool;

/**
 * {@code struct ethtool_drvinfo} ({@code ethtool -i}). A driver's {@code get_drvinfo} fills the
 * strings; the core fills the counts from the other ops afterwards ({@code ethtool_get_drvinfo}
 * in {@code net/ethtool/ioctl.c}), so a driver returns {@link #of}.
 *
 * @param driver {@code driver}: the module name
 * @param version {@code version}
 * @param fwVersion {@code fw_version}
 * @param eromVersion {@code erom_version} (expansion-rom-version)
 * @param busInfo {@code bus_info}: the PCI address; empty lets the core use the parent device's name
 * @param nPrivFlags {@code n_priv_flags} (supports-priv-flags)
 * @param nStats {@code n_stats} (supports-statistics)
 * @param testinfoLen {@code testinfo_len} (supports-test)
 * @param eedumpLen {@code eedump_len} (supports-eeprom-access)
 * @param regdumpLen {@code regdump_len} (supports-register-dump)
 */
public record Drvinfo(String driver, String version, String fwVersion, String eromVersion, String busInfo,
                      int nPrivFlags, int nStats, int testinfoLen, int eedumpLen, int regdumpLen) {

    /** What a driver's {@code get_drvinfo} fills in; the counts are the core's. */
    public static Drvinfo of(String driver, String version, String fwVersion, String busInfo) {
        return new Drvinfo(driver, version, fwVersion, "", busInfo, 0, 0, 0, 0, 0);
    }
}
