package dev.slipway.lambda;

import dev.slipway.lambda.worker.PureJavaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon's runtime interface client as the workers use it: its class path (found from the RIC's
 * own code source on this host, so it works from the CLI's lib directory and from ~/.m2 alike),
 * its JNI library unpacked once by Slipway (the prototype saw concurrently started workers crash
 * when each unpacked it to the same /tmp path), and the pure-Java loop for platforms without it.
 */
final class RuntimeClient {
    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String PURE_JAVA_MAIN = PureJavaRuntime.class.getName();
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    /** Classes whose jars make up the RIC and its dependencies. */
    private static final String[] ANCHORS = {
        MAIN,
        "com.amazonaws.services.lambda.runtime.Context",
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
        "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
        "software.amazon.awssdk.annotations.SdkInternalApi",
    };

    private final List<Path> classpath;
    private final Optional<Path> jni;
    private final Path pureJavaClasses;
    private final Path javaTransportClasses;

    private RuntimeClient(List<Path> classpath, Optional<Path> jni, Path pureJavaClasses, Path javaTransportClasses) {
        this.classpath = classpath;
        this.jni = jni;
        this.pureJavaClasses = pureJavaClasses;
        this.javaTransportClasses = javaTransportClasses;
    }

    /** Resolves the class path and unpacks the JNI library and the pure-Java loop under {@code dir}. */
    static RuntimeClient prepare(Path dir) {
        Set<Path> cp = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            try {
                Class<?> c = Class.forName(anchor, false, RuntimeClient.class.getClassLoader());
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException e) {
                if (anchor.equals(MAIN)) {
                    throw new IllegalStateException("The Lambda runtime interface client is not on Slipway's class path");
                }
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("Cannot locate the jar of " + anchor, e);
            }
        }
        try {
            Path ric = cp.iterator().next();
            String version = ric.getFileName().toString().replace(".jar", "");
            Path root = dir.resolve(version);
            Files.createDirectories(root);
            return new RuntimeClient(List.copyOf(cp), unpackJni(root), unpackPureJava(root), unpackJavaTransport(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> classpath() {
        return classpath;
    }

    /** The unpacked native library for this platform, empty where the RIC has none (macOS, Windows). */
    Optional<Path> jni() {
        return jni;
    }

    Path pureJavaClasses() {
        return pureJavaClasses;
    }

    /**
     * A directory holding the client's {@code NativeClient} in plain Java ({@code NativeClientShim},
     * renamed): put before the client's jar, it replaces only the JNI transport of {@code AWSLambda}.
     */
    Path javaTransportClasses() {
        return javaTransportClasses;
    }

    private static Optional<Path> unpackJni(Path root) throws IOException {
        Optional<String> name = nativeLibraryName();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = RuntimeClient.class.getClassLoader().getResourceAsStream("jni/" + name.get())) {
            if (in == null) {
                return Optional.empty();
            }
            Path target = root.resolve(name.get());
            if (!Files.isRegularFile(target)) {
                Path tmp = Files.createTempFile(root, "jni", ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(target);
        }
    }

    /** The name the RIC's JniHelper uses for this platform, e.g. libaws-lambda-jni.linux-x86_64.so. */
    static Optional<String> nativeLibraryName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> null;
        };
        if (cpu == null) {
            return Optional.empty();
        }
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return Optional.of("libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + cpu + ".so");
    }

    /** Copies only the pure-Java loop's class file, so workers do not see the rest of Slipway. */
    private static Path unpackPureJava(Path root) throws IOException {
        Path dir = root.resolve("pure-java");
        String resource = PURE_JAVA_MAIN.replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        try (InputStream in = RuntimeClient.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            writeIfChanged(target, in.readAllBytes());
        }
        return dir;
    }

    /** Writes a class file where a worker's class path finds it, atomically, unless it is there already. */
    private static void writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "class", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static final String NATIVE_CLIENT = "com/amazonaws/services/lambda/runtime/api/client/runtimeapi/NativeClient";

    private static Path unpackJavaTransport(Path root) throws IOException {
        Path dir = root.resolve("java-transport");
        String resource = "dev/slipway/lambda/worker/NativeClientShim.class";
        try (InputStream in = RuntimeClient.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            byte[] bytes = renameClass(in.readAllBytes(), "dev/slipway/lambda/worker/NativeClientShim", NATIVE_CLIENT);
            writeIfChanged(dir.resolve(NATIVE_CLIENT + ".class"), bytes);
        }
        return dir;
    }

    /**
     * The class file with every constant-pool string equal to {@code from} (an internal class name)
     * or its descriptor replaced by {@code to}'s; the class must not use its own type inside other
     * descriptors (NativeClientShim does not).
     */
    static byte[] renameClass(byte[] classFile, String from, String to) {
        // the name itself and its descriptor (the private constructor's "this" in the local variable table)
        return renameUtf8(renameUtf8(classFile, from, to), "L" + from + ";", "L" + to + ";");
    }

    private static byte[] renameUtf8(byte[] classFile, String from, String to) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(classFile);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(classFile.length + 64);
        byte[] fromBytes = from.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] toBytes = to.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(classFile, 0, 10);
        in.position(10);
        int count = Short.toUnsignedInt(java.nio.ByteBuffer.wrap(classFile, 8, 2).getShort());
        for (int i = 1; i < count; i++) {
            int start = in.position();
            int tag = Byte.toUnsignedInt(in.get());
            int size = switch (tag) {
                case 1 -> 2 + Short.toUnsignedInt(in.getShort(start + 1));
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 4;
                case 5, 6 -> 8;
                case 7, 8, 16, 19, 20 -> 2;
                case 15 -> 3;
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            };
            if (tag == 1 && size - 2 == fromBytes.length
                    && java.util.Arrays.equals(classFile, start + 3, start + 3 + fromBytes.length, fromBytes, 0, fromBytes.length)) {
                out.write(1);
                out.write(toBytes.length >> 8);
                out.write(toBytes.length & 0xFF);
                out.write(toBytes, 0, toBytes.length);
            } else {
                out.write(classFile, start, 1 + size);
            }
            in.position(start + 1 + size);
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        out.write(classFile, in.position(), classFile.length - in.position());
        return out.toByteArray();
    }

    static List<String> toStrings(List<Path> paths) {
        List<String> out = new ArrayList<>();
        paths.forEach(p -> out.add(p.toString()));
        return out;
    }
}
