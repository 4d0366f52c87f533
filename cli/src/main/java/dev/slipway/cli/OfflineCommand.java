package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.Target;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.CompileOptions;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway offline}: the whole service on this machine. It starts the local cloud, deploys
 * the service into it with the same deployer as {@code slipway deploy} (DESIGN.md decision 1),
 * serves the site at {@code /} from the service's website bucket and the API under
 * {@code /{stage}/}, logs each request, and redeploys when the artifact changes.
 */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = "Run the service locally: the local cloud, the service deployed into it, the site at / and the API "
                + "under /{stage}/, with a request log and hot reload of the artifact. Ctrl-C stops everything.")
public final class OfflineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Option(names = "--port", defaultValue = "3000", description = "Port of the site and API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--cloud-port", defaultValue = "0",
            description = "Edge port of the local cloud for the AWS CLI and SDKs (default: a free port; 4566 is the usual).")
    int cloudPort;

    @Option(names = "--no-reload", description = "Do not redeploy when the artifact changes.")
    boolean noReload;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.loadAndBuild(out, spec.commandLine().getErr(), Map.of());
        long start = System.nanoTime();
        ConsoleDeployListener progress = new ConsoleDeployListener(out, true);
        LocalCloud cloud = startCloud(out);
        HttpServer server = null;
        try {
            Target target = Target.local(URI.create(cloud.url()));
            DeployCommand.deploy(svc, target, progress);
            Site site = Site.of(svc, cloud, out);
            server = startServer(cloud, site);
            printReady(out, svc, cloud, site, (System.nanoTime() - start) / 1_000_000);
            CountDownLatch stopped = new CountDownLatch(1);
            HttpServer s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.close();
                cloud.close();
                stopped.countDown();
            }, "slipway-offline-shutdown"));
            if (!noReload) {
                Thread watcher = new Thread(() -> watchArtifacts(svc, target, cloud, site, out), "slipway-offline-reload");
                watcher.setDaemon(true);
                watcher.start();
            }
            stopped.await();
            return 0;
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            }
            cloud.close();
            throw e;
        }
    }

    private LocalCloud startCloud(PrintWriter out) {
        try {
            return LocalCloud.builder().port(cloudPort)
                    .requestListener(log -> {
                        out.println(log.compact());
                        out.flush();
                    })
                    .start();
        } catch (RuntimeException e) {
            if (CloudCommand.isBindFailure(e)) {
                throw new UserError("the cloud port " + cloudPort + " is already in use", "pass another --cloud-port, or 0");
            }
            throw e;
        }
    }

    private HttpServer startServer(LocalCloud cloud, Site site) {
        HttpHandler api = cloud.apiGateway().offlineHandler();
        HttpHandler handler = new HttpHandler() {
            @Override
            public boolean isAsync() {
                return true;
            }

            @Override
            public HttpResponse handle(HttpRequest request) throws Exception {
                return handleAsync(request).toCompletableFuture().get();
            }

            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                if (cloud.apiGateway().servesOffline(request)) {
                    return api.handleAsync(request);
                }
                return CompletableFuture.supplyAsync(() -> site.serve(request));
            }
        };
        try {
            return HttpServer.builder("slipway-offline", handler).port(port).start();
        } catch (RuntimeException e) {
            if (CloudCommand.isBindFailure(e)) {
                throw new UserError("port " + port + " is already in use", "stop what runs there, or pass --port");
            }
            throw e;
        }
    }

    private void printReady(PrintWriter out, Service svc, LocalCloud cloud, Site site, long millis) {
        String base = "http://localhost:" + port;
        out.println();
        out.printf("%s is running (stage %s), ready in %d ms%n", svc.name(), svc.stage(), millis);
        out.println("  site:  " + base + "/" + site.describe());
        out.println("  api:   " + base + "/" + svc.stage() + "/");
        for (FunctionSpec f : svc.functions().values()) {
            f.httpEvents().forEach(e -> out.printf("         %-7s %s/%s/%s   → %s%n", e.method().toUpperCase(), base,
                    svc.stage(), e.path().replaceAll("^/", ""), f.key()));
            f.httpApiEvents().forEach(e -> out.printf("         %-7s %s%s   → %s%n", e.routeKey(), base, "", f.key()));
        }
        out.println("  cloud: " + cloud.url() + "   (aws --endpoint-url " + cloud.url() + " …)");
        out.println("Ctrl-C stops everything. Requests:");
        out.flush();
    }

    /** Polls the artifacts; when one changes and stays stable, redeploys (only changed functions update). */
    private void watchArtifacts(Service svc, Target target, LocalCloud cloud, Site site, PrintWriter out) {
        Map<Path, FileTime> seen = artifactTimes(svc);
        while (true) {
            try {
                Thread.sleep(500);
                Map<Path, FileTime> now = artifactTimes(svc);
                if (now.equals(seen) || now.size() < seen.size()) {
                    continue;
                }
                Thread.sleep(300);
                if (!artifactTimes(svc).equals(now)) {
                    continue;
                }
                seen = now;
                long t0 = System.nanoTime();
                out.println("Artifact changed: redeploying…");
                out.flush();
                DeployCommand.deploy(svc, target, new ConsoleDeployListener(out, true));
                out.printf("Reloaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                out.flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                out.println("Reload failed: " + e.getMessage() + " (still serving the previous version)");
                out.flush();
            }
        }
    }

    private static Map<Path, FileTime> artifactTimes(Service svc) {
        Map<Path, FileTime> times = new LinkedHashMap<>();
        for (FunctionSpec f : svc.functions().values()) {
            f.artifact().ifPresent(a -> {
                try {
                    times.put(a, Files.getLastModifiedTime(a));
                } catch (java.io.IOException e) {
                    // Mid-rebuild: the file is briefly missing; the next poll sees it.
                }
            });
        }
        return times;
    }

    /** Where the site comes from: the service's website bucket (filled from the site folder), or none. */
    record Site(Optional<String> bucket, Optional<Path> folder, LocalCloud cloud, String stage) {
        static Site of(Service svc, LocalCloud cloud, PrintWriter out) {
            Optional<Path> folder = svc.slipway().site().filter(Files::isDirectory);
            Optional<String> bucket = websiteBucket(svc, cloud);
            if (bucket.isPresent() && folder.isPresent()) {
                int n = SiteUploader.upload(cloud.s3(), bucket.get(), folder.get());
                out.println("Uploaded the site (" + n + " files from " + folder.get().getFileName() + "/) to bucket "
                        + bucket.get());
            } else if (folder.isPresent()) {
                String name = svc.stackName().toLowerCase() + "-offline-site";
                if (!cloud.s3().bucketExists(name)) {
                    cloud.s3().createBucket(name);
                }
                cloud.s3().putBucketWebsite(name, dev.slipway.s3.WebsiteConfiguration.of("index.html", Optional.empty()));
                SiteUploader.upload(cloud.s3(), name, folder.get());
                bucket = Optional.of(name);
            }
            return new Site(bucket, folder, cloud, svc.stage());
        }

        private static Optional<String> websiteBucket(Service svc, LocalCloud cloud) {
            JsonNode resources = CloudFormationCompiler.compile(svc, CompileOptions.at(Clock.systemUTC()))
                    .template().path("Resources");
            var it = resources.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().path("Type").asText().equals("AWS::S3::Bucket")
                        && e.getValue().path("Properties").has("WebsiteConfiguration")) {
                    return Optional.of(cloud.cloudFormation().describeStackResource(svc.stackName(), e.getKey())
                            .physicalResourceId());
                }
            }
            return Optional.empty();
        }

        String describe() {
            return bucket.map(b -> "   (bucket " + b + ")").orElse("   (no site: set custom.slipway.site)");
        }

        HttpResponse serve(HttpRequest request) {
            if (request.rawPath().equals("/config.js")) {
                // The SPA reads its API base from here (examples/peer-rewards/site/config.js explains).
                return HttpResponse.status(200).header("Content-Type", "text/javascript; charset=utf-8")
                        .header("Cache-Control", "no-store")
                        .body("window.API_BASE = \"/" + stage + "\";\n");
            }
            if (bucket.isEmpty()) {
                return HttpResponse.status(404).header("Content-Type", "text/plain; charset=utf-8")
                        .body("No site configured. The API is under /" + stage + "/.\n");
            }
            return cloud.s3().serveWebsite(bucket.get(), request);
        }
    }
}
