package io.netmodel.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code -V} / {@code --version} prints on every command: the version the build stamped into
 * the shell's jar (its Maven descriptor), so it cannot drift from the pom as a literal did.
 */
public final class NetmodelVersion implements CommandLine.IVersionProvider {
    private static final String DESCRIPTOR = "/META-INF/maven/io.netmodel/netmodel-shell/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"netmodel " + version()};
    }

    /** The shell's version, or {@code (development build)} when it runs from classes without a jar. */
    public static String version() {
        try (InputStream in = NetmodelVersion.class.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: no readable descriptor
        }
        return "(development build)";
    }

    /** Gives every subcommand of {@code cl} (at any depth) this provider, so their {@code -V} prints it too. */
    static void everywhere(CommandLine cl) {
        NetmodelVersion provider = new NetmodelVersion();
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(provider);
            everywhere(sub);
        }
    }
}
