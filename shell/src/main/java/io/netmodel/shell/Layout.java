package io.netmodel.shell;

import java.nio.file.Path;

/**
 * Where the installation's pieces are: {@code netmodel.home} (the checkout; set by the
 * {@code ./netmodel} script), the system bundles (SCR, kernel model), and the deploy
 * directory modprobe searches ({@code $NETMODEL_BUNDLES}, else {@code <home>/bundles}).
 */
public record Layout(Path home, Path systemDir, Path bundlesDir) {
    public static Layout fromEnvironment() {
        Path home = Path.of(System.getProperty("netmodel.home", ".")).toAbsolutePath().normalize();
        String system = System.getProperty("netmodel.system");
        Path systemDir = system != null ? Path.of(system) : home.resolve("shell/target/netmodel/system");
        String bundles = System.getenv("NETMODEL_BUNDLES");
        Path bundlesDir = bundles != null && !bundles.isBlank() ? Path.of(bundles) : home.resolve("bundles");
        return new Layout(home, systemDir.toAbsolutePath().normalize(), bundlesDir.toAbsolutePath().normalize());
    }
}
