package io.netmodel.shell;

import io.netmodel.api.vfs.VirtualFs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The value of {@code org.osgi.framework.system.packages.extra}: the API packages the launcher
 * shares with the bundles, with their versions, read from the API jar's own
 * {@code Export-Package} (bnd wrote it from the {@code @Version} annotations). One class
 * loader for the API, no version typed twice.
 */
final class SystemPackages {
    private SystemPackages() {
    }

    static String apiExports() throws IOException {
        Path location;
        try {
            location = Path.of(VirtualFs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the netmodel API jar", e);
        }
        Manifest manifest;
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                manifest = jar.getManifest();
            }
        }
        String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        if (exports == null) {
            throw new IOException(location + " has no Export-Package header (was it built by bnd?)");
        }
        return exports;
    }
}
