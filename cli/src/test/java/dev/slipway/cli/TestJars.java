package dev.slipway.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deployment packages for the tests: a handler package from the test class path, plus text files. */
final class TestJars {
    private TestJars() {}

    /**
     * Writes {@code jar} with the compiled classes of {@code packageDir} (e.g. {@code dev/slipway/cli/testfn})
     * and the given text files, moved into place atomically as a build tool's final move does.
     */
    static Path write(Path jar, String packageDir, Map<String, String> textFiles) {
        try {
            Path classes = Path.of(TestJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), "jar", ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp));
                    Stream<Path> files = Files.walk(classes.resolve(packageDir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new ZipEntry(classes.relativize(f).toString()));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
                for (Map.Entry<String, String> text : textFiles.entrySet()) {
                    zip.putNextEntry(new ZipEntry(text.getKey()));
                    zip.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
