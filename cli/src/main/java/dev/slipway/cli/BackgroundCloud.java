package dev.slipway.cli;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a local cloud answers at an endpoint: if none does, starts {@code slipway cloud} as a
 * background process (its output in ~/.slipway/cloud-PORT.log) and waits until it is healthy.
 */
final class BackgroundCloud {
    private BackgroundCloud() {}

    static boolean healthy(URI endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/_slipway/health").toURL().openConnection();
            c.setConnectTimeout(300);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns true when it had to start one. */
    static boolean ensureRunning(URI endpoint, java.io.PrintWriter out) {
        if (healthy(endpoint)) {
            return false;
        }
        if (!"127.0.0.1".equals(endpoint.getHost()) && !"localhost".equals(endpoint.getHost())) {
            throw new UserError("no Slipway local cloud answers at " + endpoint,
                    "start one there with 'slipway cloud', or drop --endpoint to use http://127.0.0.1:4566");
        }
        int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
        Path log = Path.of(System.getProperty("user.home"), ".slipway", "cloud-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:+UseSerialGC");
        // as the launcher runs this JVM (picocli on the boot class path), so its archive fits
        String bootAppend = System.getProperty("slipway.boot.classpath", "");
        if (!bootAppend.isEmpty()) {
            command.add("-Xbootclasspath/a:" + bootAppend);
            command.add("-Dslipway.boot.classpath=" + bootAppend);
        }
        // the launcher's class-data archive of 'slipway cloud', when one was trained
        String cds = System.getProperty("slipway.cds.dir");
        if (cds != null && Files.isRegularFile(Path.of(cds, "cloud.jsa"))) {
            command.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-XX:SharedArchiveFile=" + Path.of(cds, "cloud.jsa")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "cloud", "--port", String.valueOf(port)));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            out.println("Started a local cloud in the background at " + endpoint + " (pid " + p.pid() + ", log " + log
                    + "); stop it with: kill " + p.pid());
            out.flush();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                if (healthy(endpoint)) {
                    return true;
                }
                if (!p.isAlive()) {
                    throw new UserError("the background local cloud exited at start; see " + log,
                            "fix what the log says, or run 'slipway cloud' in another terminal");
                }
                Thread.sleep(100);
            }
            throw new UserError("the background local cloud did not become healthy within 60 s; see " + log,
                    "run 'slipway cloud' in another terminal to see what happens");
        } catch (IOException e) {
            throw new UserError("could not start a local cloud: " + e.getMessage(), "run 'slipway cloud' yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted", "");
        }
    }
}
