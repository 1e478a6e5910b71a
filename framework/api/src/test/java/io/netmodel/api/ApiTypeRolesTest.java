package io.netmodel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.classfile.AnnotationInfo;
import aQute.bnd.classfile.ClassFile;
import aQute.bnd.classfile.MethodInfo;
import aQute.bnd.classfile.RuntimeInvisibleAnnotationsAttribute;
import io.netmodel.api.driver.NetDriver;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the baseline check (bnd-baseline-maven-plugin, framework/api/baseline/README.md) needs
 * from the API's class files to judge a change correctly, read with bnd's own class-file
 * reader from {@code target/classes}.
 *
 * <p>bnd decides whether a method added to an interface is a major or a minor change from the
 * interface's role: {@code @ProviderType} (the kernel implements it: minor) or
 * {@code @ConsumerType} (drivers implement it: major); an interface with neither is taken as a
 * consumer type without anyone having said so. And in bnd 7.1.0
 * ({@code aQute.bnd.differ.JavaElement.classElement}) the delta for an added method is a local
 * variable that the first non-abstract public method (a default or static method) sets to
 * MINOR for every method after it, in class-file order (javac's declaration order): an
 * abstract method added to a consumer type below a default method is judged minor. Verified
 * by hand on {@code NetDriver} (framework/api/baseline/README.md).
 */
class ApiTypeRolesTest {
    private static final String PROVIDER_TYPE = "Lorg/osgi/annotation/versioning/ProviderType;";
    private static final String CONSUMER_TYPE = "Lorg/osgi/annotation/versioning/ConsumerType;";

    @Test
    void everyApiInterfaceSaysWhoImplementsIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<ClassFile> interfaces = apiInterfaces();
        for (ClassFile type : interfaces) {
            List<String> roles = annotations(type).stream()
                .filter(a -> a.equals(PROVIDER_TYPE) || a.equals(CONSUMER_TYPE)).toList();
            if (roles.size() != 1) {
                wrong.add(type.this_class + " " + roles);
            }
        }
        assertTrue(interfaces.size() > 20, "found the API's interfaces: " + interfaces.size());
        assertEquals(List.of(), wrong, "each public API interface needs exactly one of @ProviderType, @ConsumerType");
    }

    @Test
    void consumerTypesDeclareTheirAbstractMethodsFirst() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (ClassFile type : apiInterfaces()) {
            if (annotations(type).contains(CONSUMER_TYPE)) {
                wrong.addAll(abstractAfterConcrete(type));
            }
        }
        assertEquals(List.of(), wrong, "in a @ConsumerType interface, bnd 7.1.0 takes an abstract method added"
            + " below a default or static method for a minor change: declare abstract methods first");
    }

    /** Abstract methods that follow a public non-abstract one, as bnd's differ walks them. */
    static List<String> abstractAfterConcrete(ClassFile type) {
        List<String> wrong = new ArrayList<>();
        String firstConcrete = null;
        for (MethodInfo m : type.methods) {
            boolean visible = (m.access & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
            boolean synthetic = (m.access & 0x1000) != 0; // ACC_SYNTHETIC, skipped by the differ
            if (!visible || synthetic) {
                continue;
            }
            if ((m.access & Modifier.ABSTRACT) == 0) {
                firstConcrete = firstConcrete == null ? m.name + m.descriptor : firstConcrete;
            } else if (firstConcrete != null) {
                wrong.add(type.this_class + "." + m.name + m.descriptor + " after " + firstConcrete);
            }
        }
        return wrong;
    }

    /** A consumer type that breaks the rule: {@code c()} is the method bnd would misjudge. */
    interface Misordered {
        void a();

        default void b() {
        }

        void c();
    }

    @Test
    void theOrderCheckFindsAnAbstractMethodBelowADefaultOne() throws Exception {
        Path testClasses = Path.of(Misordered.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassFile misordered = read(testClasses.resolve("io/netmodel/api/ApiTypeRolesTest$Misordered.class"));
        assertEquals(List.of("io/netmodel/api/ApiTypeRolesTest$Misordered.c()V after b()V"),
            abstractAfterConcrete(misordered));
    }

    private static List<ClassFile> apiInterfaces() throws IOException, URISyntaxException {
        List<ClassFile> interfaces = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes().resolve("io/netmodel/api"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                ClassFile type = read(f);
                boolean isInterface = (type.access & Modifier.INTERFACE) != 0;
                boolean isAnnotation = (type.access & ClassFile.ACC_ANNOTATION) != 0;
                boolean isPackageInfo = type.this_class.endsWith("/package-info");
                if (isInterface && !isAnnotation && !isPackageInfo && (type.access & Modifier.PUBLIC) != 0) {
                    interfaces.add(type);
                }
            }
        }
        return interfaces;
    }

    private static List<String> annotations(ClassFile type) {
        return type.getAttribute(RuntimeInvisibleAnnotationsAttribute.class)
            .map(a -> Arrays.stream(a.annotations).map((AnnotationInfo i) -> i.type).toList())
            .orElse(List.of());
    }

    private static ClassFile read(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            return ClassFile.parseClassFile(new DataInputStream(in));
        }
    }

    /** The module's compiled classes ({@code target/classes}), where NetDriver was loaded from. */
    private static Path classes() throws URISyntaxException {
        return Path.of(NetDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
