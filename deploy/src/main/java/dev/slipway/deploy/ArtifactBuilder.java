package dev.slipway.deploy;

import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Builds a service's artifact when it is missing or older than its sources, so that
 * {@code slipway offline} works on a fresh clone. Only Maven projects are built (a pom.xml in the
 * service folder), with a JDK new enough for the functions' runtime; the build's output goes to
 * {@code .slipway/build.log}, which the error message names when the build fails.
 */
public final class ArtifactBuilder {
    private ArtifactBuilder() {}

    /**
     * What a command that runs the service does after loading it: the problems that do not depend on
     * the artifact, then — if there are no errors — a build when needed and the artifact checks
     * (exists, holds each handler class) and Lambda's size limits (ArtifactLimits). Returns every problem found.
     */
    public static List<Problem> buildAndCheck(ServiceProject project, PrintWriter out,
            Function<String, Optional<Path>> javaHomeFor) {
        List<Problem> problems = new ArrayList<>(project.problemsBeforeBuild());
        if (problems.stream().noneMatch(Problem::isError)) {
            ensureBuilt(project.service(), out, javaHomeFor);
            problems.addAll(project.checkArtifacts());
            problems.addAll(dev.slipway.deploy.limits.ArtifactLimits.check(project.service()));
        }
        return problems;
    }

    /**
     * Builds the service's artifacts if needed; returns true when it built something.
     *
     * @param javaHomeFor the JDK home for a runtime id such as {@code java21} (the Lambda host's choice)
     */
    public static boolean ensureBuilt(Service service, PrintWriter out, Function<String, Optional<Path>> javaHomeFor) {
        Set<Path> artifacts = new LinkedHashSet<>();
        String runtime = "java17";
        for (FunctionSpec f : service.functions().values()) {
            f.artifact().ifPresent(artifacts::add);
            if (f.runtime().startsWith("java") && javaFeature(f.runtime()) > javaFeature(runtime)) {
                runtime = f.runtime();
            }
        }
        if (artifacts.isEmpty()) {
            return false;
        }
        Path pom = service.serviceDir().resolve("pom.xml");
        List<Path> stale = new ArrayList<>();
        for (Path a : artifacts) {
            if (!Files.exists(a) || (Files.exists(pom) && sourcesNewerThan(service.serviceDir(), a))) {
                stale.add(a);
            }
        }
        if (stale.isEmpty()) {
            return false;
        }
        if (!Files.exists(pom)) {
            throw new DeployException("the artifact " + stale.get(0) + " does not exist",
                    "build it first (package.artifact in serverless.yml names it)");
        }
        Path log = service.serviceDir().resolve(".slipway").resolve("build.log");
        Optional<Path> javaHome = javaHomeFor.apply(runtime);
        out.println("Building " + service.serviceDir().getFileName() + " with Maven"
                + javaHome.map(h -> " on " + h).orElse("") + " (artifact missing or older than its sources)… log: " + log);
        out.flush();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(mvn(), "-B", "-q", "-Dmaven.test.skip=true", "package")
                    .directory(service.serviceDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            javaHome.ifPresent(h -> pb.environment().put("JAVA_HOME", h.toString()));
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new DeployException("building " + service.serviceDir() + " failed (mvn exited with " + code + "); see " + log,
                        "fix the build, or build it yourself with 'mvn package' in " + service.serviceDir());
            }
        } catch (IOException e) {
            throw new DeployException("could not run Maven to build " + service.serviceDir() + ": " + e.getMessage(),
                    "install Maven (mvn) or build the artifact yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while building", "");
        }
        for (Path a : stale) {
            if (!Files.exists(a)) {
                throw new DeployException("the build finished but " + a + " still does not exist",
                        "make package.artifact in serverless.yml name the file the build writes");
            }
        }
        return true;
    }

    private static String mvn() {
        return System.getProperty("os.name", "").toLowerCase().contains("win") ? "mvn.cmd" : "mvn";
    }

    static int javaFeature(String runtime) {
        String digits = runtime.replaceAll("^java(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    private static boolean sourcesNewerThan(Path serviceDir, Path artifact) {
        try {
            FileTime built = Files.getLastModifiedTime(artifact);
            if (Files.getLastModifiedTime(serviceDir.resolve("pom.xml")).compareTo(built) > 0) {
                return true;
            }
            Path src = serviceDir.resolve("src/main");
            if (!Files.isDirectory(src)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(src)) {
                return files.filter(Files::isRegularFile).anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
