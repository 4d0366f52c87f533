package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.service.LoadOptions;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway offline}'s session: the first request finds the worker started right after the
 * deploy warm, and replacing the artifact under steady traffic redeploys it with no failed request
 * (issue 6: hot reload under load).
 */
class OfflineSessionTest {
    @TempDir
    Path service;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstRequest_findsTheWorkerStartedAfterTheDeploy_warm() throws Exception {
        writeArtifact("v1");
        writeConfig();
        Service svc = load();
        StringWriter log = new StringWriter();
        try (OfflineSession session = OfflineSession.start(svc, 0, 0, false, new PrintWriter(log, true))) {
            session.warm().get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(session.cloud().lambda().workerCount("reload-dev-version")).isEqualTo(1);

            URI url = URI.create("http://127.0.0.1:" + session.port() + "/dev/version");
            assertThat(get(url).body()).isEqualTo("v1");
            assertThat(log.toString()).containsPattern("GET /dev/version → reload-dev-version\\S* 200 [0-9.]+ ms \\(warm\\)");
            assertThat(session.cloud().lambda().workerCount("reload-dev-version")).isEqualTo(1);
        }
    }

    @Test
    void replacingTheArtifact_underSteadyTraffic_switchesTheCode_withoutAFailedRequest() throws Exception {
        writeArtifact("v1");
        writeConfig();
        Service svc = load();
        StringWriter log = new StringWriter();
        try (OfflineSession session = OfflineSession.start(svc, 0, 0, true, new PrintWriter(log, true))) {
            URI url = URI.create("http://127.0.0.1:" + session.port() + "/dev/version");
            assertThat(get(url).body()).isEqualTo("v1");

            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<String> bodies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread traffic = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = get(url);
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        } else {
                            bodies.add(r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            traffic.start();
            writeArtifact("v2");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!bodies.contains("v2") && System.nanoTime() < deadline && failures.isEmpty()) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            running.set(false);
            traffic.join();

            assertThat(failures).as(log.toString()).isEmpty();
            assertThat(bodies).contains("v1", "v2");
            assertThat(bodies.subList(bodies.indexOf("v2"), bodies.size())).containsOnly("v2");
            assertThat(log.toString()).contains("Artifact changed: redeploying").contains("Reloaded in");
        }
    }

    private void writeConfig() throws Exception {
        Files.writeString(service.resolve("serverless.yml"), """
                service: reload
                provider:
                  name: aws
                  runtime: java21
                  memorySize: 256
                  timeout: 20
                package:
                  artifact: target/app.jar
                functions:
                  version:
                    handler: dev.slipway.cli.reloadfn.Version
                    events:
                      - http:
                          path: version
                          method: get
                """);
    }

    private Service load() throws Exception {
        return ServiceProject.load(service, new LoadOptions(Optional.of("dev"), Optional.empty(), Map.of(),
                Optional.empty(), Map.of())).service();
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes target/app.jar atomically (as a build tool's final move does), with the handler and a version file. */
    private void writeArtifact(String version) throws Exception {
        TestJars.write(service.resolve("target/app.jar"), "dev/slipway/cli/reloadfn", Map.of("version.txt", version));
    }
}
