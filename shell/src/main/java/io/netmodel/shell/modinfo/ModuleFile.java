package io.netmodel.shell.modinfo;

import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code modinfo} reads from a module file without loading it: a driver bundle's
 * {@code NetDriver} component, instantiated in a class loader of its own (never started, never
 * bound), asked for its name, id table, parameters and {@code MODULE_*} strings, then dropped.
 *
 * @param jar         the bundle ({@code filename:})
 * @param name        {@code NetDriver.name()}
 * @param version     {@code MODULE_VERSION}, empty for none
 * @param license     {@code MODULE_LICENSE}
 * @param description {@code MODULE_DESCRIPTION}
 * @param authors     {@code MODULE_AUTHOR} lines
 * @param ids         {@code MODULE_DEVICE_TABLE}
 * @param params      the {@code module_param}s of the chosen kernel
 */
public record ModuleFile(Path jar, String name, String version, String license, String description,
                         List<String> authors, List<DeviceId> ids, List<ModuleParam> params) {

    /** Reads {@code jar} for {@code kernel}; throws IOException naming what is missing or failed. */
    public static ModuleFile read(Path jar, KernelProfile kernel) throws IOException {
        String implementation = implementationClass(jar);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, NetDriver.class.getClassLoader())) {
            Object instance = Class.forName(implementation, true, loader).getDeclaredConstructor().newInstance();
            if (!(instance instanceof NetDriver driver)) {
                throw new IOException(implementation + " is not a " + NetDriver.class.getName());
            }
            return new ModuleFile(jar.toAbsolutePath(), driver.name(), nonNull(driver.moduleVersion(kernel)),
                nonNull(driver.license()), nonNull(driver.description()), List.copyOf(driver.authors()),
                List.copyOf(driver.idTable()), List.copyOf(driver.parameters(kernel)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IOException("cannot read the driver in " + jar + ": " + e, e);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The class of the component the manifest's {@code Service-Component} files declare as a {@code NetDriver}. */
    private static String implementationClass(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String header = m == null ? null : m.getMainAttributes().getValue("Service-Component");
            if (header == null) {
                throw new IOException(jar + " has no Service-Component header");
            }
            List<String> found = new ArrayList<>();
            for (String entry : header.split(",")) {
                var e = jf.getJarEntry(entry.trim());
                if (e == null) {
                    continue;
                }
                try (InputStream in = jf.getInputStream(e)) {
                    String cls = netDriverImplementation(in);
                    if (cls != null) {
                        found.add(cls);
                    }
                }
            }
            if (found.size() != 1) {
                throw new IOException(jar + " declares " + found.size() + " NetDriver components, not one");
            }
            return found.get(0);
        }
    }

    private static String netDriverImplementation(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(xml);
            NodeList provides = doc.getElementsByTagName("provide");
            for (int i = 0; i < provides.getLength(); i++) {
                if (NetDriver.class.getName().equals(((Element) provides.item(i)).getAttribute("interface"))) {
                    NodeList impl = doc.getElementsByTagName("implementation");
                    return impl.getLength() == 1 ? ((Element) impl.item(0)).getAttribute("class") : null;
                }
            }
            return null;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("unreadable component description: " + e.getMessage(), e);
        }
    }
}
