package dev.slipway.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages the test handlers (package {@code dev.slipway.lambda.testfn}, compiled into test-classes)
 * the three ways Lambda takes code: a jar, a zip with {@code lib/*.jar}, a directory.
 */
final class TestFunctions {
    static final String PACKAGE = "dev/slipway/lambda/testfn";

    private TestFunctions() {}

    static Path testClasses() {
        String dir = System.getProperty("slipway.test.classes");
        if (dir != null) {
            return Path.of(dir);
        }
        try {
            return Path.of(TestFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar of a class on the test class path (e.g. aws-lambda-java-events). */
    static Path jarOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handler classes at the root plus the events library in lib/, as a zip's bytes. */
    static byte[] zip() {
        return zip(true);
    }

    static byte[] zip(boolean withEvents) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                Path root = testClasses();
                try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        zip.putNextEntry(new ZipEntry(root.relativize(f).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(f));
                        zip.closeEntry();
                    }
                }
                if (withEvents) {
                    for (Path lib : libs()) {
                        zip.putNextEntry(new ZipEntry("lib/" + lib.getFileName()));
                        zip.write(Files.readAllBytes(lib));
                        zip.closeEntry();
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler classes only, as a jar file in {@code dir}. */
    static Path jar(Path dir) throws IOException {
        Path jar = dir.resolve("handlers.jar");
        Files.write(jar, zip(false));
        return jar;
    }

    /** A directory holding the handler classes and lib/ with the events jar. */
    static Path directory(Path dir) throws IOException {
        Path root = dir.resolve("task");
        Path src = testClasses();
        try (Stream<Path> files = Files.walk(src.resolve(PACKAGE))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(src.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.createDirectories(root.resolve("lib"));
        for (Path lib : libs()) {
            Files.copy(lib, root.resolve("lib").resolve(lib.getFileName()));
        }
        return root;
    }

    /** The libraries a real package of these handlers carries in lib/. */
    static List<Path> libs() {
        return List.of(jarOf("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent"),
                jarOf("org.joda.time.DateTime"));
    }

    static List<String> handlers() {
        return List.of("Greeter", "Echo", "Api", "Inspect", "Sleeper", "Exiter", "Hog", "BrokenInit", "Flaky");
    }
}
