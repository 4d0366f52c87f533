package dev.slipway.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK that runs a Java runtime: an explicit override ({@code -Dslipway.jdk.21=PATH} or
 * {@code SLIPWAY_JDK_21=PATH}) wins; otherwise the newest installed JDK (under /usr/lib/jvm,
 * /Library/Java/JavaVirtualMachines, ~/.sdkman, JAVA_HOME, the running JVM) whose feature version is
 * at least the runtime's.
 */
final class Jdks {
    record Jdk(Path home, int feature) {
        Path java() {
            return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        }
    }

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(1\\.)?(\\d+)", Pattern.MULTILINE);

    private final List<Jdk> installed;
    private final Function<String, String> env;
    private final Function<String, String> props;

    Jdks(List<Jdk> installed, Function<String, String> env, Function<String, String> props) {
        this.installed = installed;
        this.env = env;
        this.props = props;
    }

    static Jdks scan() {
        Set<Path> homes = new LinkedHashSet<>();
        Path userHome = Path.of(System.getProperty("user.home"));
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"),
                userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    children.forEach(p -> {
                        homes.add(p);
                        homes.add(p.resolve("Contents/Home"));
                    });
                } catch (IOException ignored) {
                    // an unreadable directory holds no usable JDK
                }
            }
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        homes.add(Path.of(System.getProperty("java.home")));
        List<Jdk> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path home : homes) {
            describe(home).ifPresent(jdk -> {
                try {
                    if (seen.add(jdk.home().toRealPath())) {
                        found.add(jdk);
                    }
                } catch (IOException ignored) {
                    // vanished while scanning
                }
            });
        }
        return new Jdks(found, System::getenv, System::getProperty);
    }

    /** A JDK home with a {@code release} file and a java launcher, with its feature version. */
    static Optional<Jdk> describe(Path home) {
        try {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            Jdk jdk = new Jdk(home, Integer.parseInt(m.group(2)));
            return Files.isExecutable(jdk.java()) ? Optional.of(jdk) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The JDK for a Java runtime, or a user-facing explanation of why there is none. */
    Jdk forRuntime(Runtime runtime) {
        String property = "slipway.jdk." + runtime.javaFeature;
        String variable = "SLIPWAY_JDK_" + runtime.javaFeature;
        for (String override : new String[] {props.apply(property), env.apply(variable)}) {
            if (override != null && !override.isBlank()) {
                return describe(Path.of(override)).orElseThrow(() -> new IllegalStateException(
                        "The JDK named by " + property + "/" + variable + " (" + override + ") is not a JDK home "
                                + "(no release file or bin/java)."));
            }
        }
        return installed.stream()
                .filter(j -> j.feature() >= runtime.javaFeature)
                .max(Comparator.comparingInt(Jdk::feature))
                .orElseThrow(() -> new IllegalStateException("The " + runtime.id + " runtime needs a JDK "
                        + runtime.javaFeature + " or newer, and none is installed (found: " + describeInstalled()
                        + "). Install one, or point Slipway at it with " + variable + "=/path/to/jdk (or -D" + property
                        + "=/path/to/jdk)."));
    }

    private String describeInstalled() {
        if (installed.isEmpty()) {
            return "none";
        }
        return String.join(", ", installed.stream().map(j -> "JDK " + j.feature() + " at " + j.home()).toList());
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
