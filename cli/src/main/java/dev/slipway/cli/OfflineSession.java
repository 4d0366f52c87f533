package dev.slipway.cli;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.Target;
import dev.slipway.deploy.Trace;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A running {@code slipway offline}: the local cloud with the service deployed into it, the server
 * for the site and the API, and the watcher that redeploys when the artifact changes. Closing it
 * stops everything, worker JVMs included.
 */
final class OfflineSession implements AutoCloseable {
    private final LocalCloud cloud;
    private final HttpServer server;
    private volatile Thread watcher;
    private volatile boolean closed;
    private volatile OfflineWarmup warmup;

    private OfflineSession(LocalCloud cloud, HttpServer server) {
        this.cloud = cloud;
        this.server = server;
    }

    static OfflineSession start(Service svc, int port, int cloudPort, boolean reload, PrintWriter out) {
        long start = System.nanoTime();
        return start(svc, port, startCloud(cloudPort, out), reload, out, start);
    }

    /**
     * Deploys the service into a started cloud and serves it; closes the cloud when that fails.
     * {@code start} (System.nanoTime) is when the command began, for the "ready in" line.
     */
    static OfflineSession start(Service svc, int port, LocalCloud cloud, boolean reload, PrintWriter out, long start) {
        ConsoleDeployListener progress = new ConsoleDeployListener(out, true);
        HttpServer server = null;
        OfflineWarmup warmup = null;
        try {
            Target target = Target.local(URI.create(cloud.url()));
            Trace.mark("offline: deploying");
            // the workers' init (JVM, runtime, the handler's clients) overlaps the rest of the deploy,
            // the site upload and the server start: the first request finds its worker warm or warming
            warmup = new OfflineWarmup(svc, cloud, out);
            DeployCommand.deploy(svc, target, warmup.following(progress));
            Trace.mark("offline: deployed");
            warmup.deployed();
            OfflineCommand.Site site = OfflineCommand.Site.of(svc, cloud, out);
            Trace.mark("offline: site uploaded");
            server = startServer(cloud, site, port);
            Trace.mark("offline: serving");
            printReady(out, svc, cloud, site, server.port(), (System.nanoTime() - start) / 1_000_000);
            OfflineSession session = new OfflineSession(cloud, server);
            session.warmup = warmup;
            if (reload) {
                Thread watcher = new Thread(() -> session.watchArtifacts(svc, target, out), "slipway-offline-reload");
                watcher.setDaemon(true);
                session.watcher = watcher;
                watcher.start();
            }
            return session;
        } catch (RuntimeException | Error e) {
            if (warmup != null) {
                warmup.stop();
            }
            if (server != null) {
                server.close();
            }
            cloud.close();
            throw e;
        }
    }

    /** The port serving the site and the API. */
    int port() {
        return server.port();
    }

    LocalCloud cloud() {
        return cloud;
    }

    /** Completes when the workers started for the last (re)deploy are ready, or failed to start. */
    CompletableFuture<Void> warm() {
        return warmup.done();
    }

    @Override
    public void close() {
        closed = true;
        Thread w = watcher;
        if (w != null) {
            w.interrupt();
        }
        warmup.stop();
        server.close();
        cloud.close();
    }

    static LocalCloud startCloud(int cloudPort, PrintWriter out) {
        try {
            return LocalCloud.builder().port(cloudPort).warmUpDigests(true)
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

    private static HttpServer startServer(LocalCloud cloud, OfflineCommand.Site site, int port) {
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

    private static void printReady(PrintWriter out, Service svc, LocalCloud cloud, OfflineCommand.Site site, int port,
            long millis) {
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
    private void watchArtifacts(Service svc, Target target, PrintWriter out) {
        Map<Path, FileTime> seen = artifactTimes(svc);
        while (!closed) {
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
                // the changed functions have new versions: their first requests need not be cold starts
                OfflineWarmup next = new OfflineWarmup(svc, cloud, out);
                warmup.stop();
                warmup = next;
                next.deployed();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
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
}
