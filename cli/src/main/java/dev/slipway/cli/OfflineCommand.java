package dev.slipway.cli;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        long start = System.nanoTime();
        // The SDK clients of the deploy load their classes meanwhile, off the deploy's path (the first
        // client and request cost ~0.7 s there: "deploy: code storage checked" under SLIPWAY_TRACE).
        dev.slipway.deploy.Target.warmUp();
        dev.slipway.service.CodeSha256.prefetchRemembered(service.dir); // a rebuilt jar hashes meanwhile
        // The local cloud starts while the service is loaded and its artifact checked: they do not
        // depend on each other, and each takes a good part of a second.
        java.util.concurrent.CompletableFuture<dev.slipway.cloud.LocalCloud> cloud =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> OfflineSession.startCloud(cloudPort, out));
        Service svc;
        try {
            svc = service.loadAndBuild(out, spec.commandLine().getErr(), Map.of(), Optional.empty());
            dev.slipway.deploy.Trace.mark("offline: service loaded");
        } catch (RuntimeException e) {
            cloud.thenAccept(dev.slipway.cloud.LocalCloud::close);
            throw e;
        }
        OfflineSession session;
        try {
            session = OfflineSession.start(svc, port, cloud.join(), !noReload, out, start);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            stopped.countDown();
        }, "slipway-offline-shutdown"));
        stopped.await();
        return 0;
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

        /** The stack's bucket that hosts a website, read from what was deployed (not compiled again). */
        private static Optional<String> websiteBucket(Service svc, LocalCloud cloud) {
            return cloud.cloudFormation().listStackResources(svc.stackName()).stream()
                    .filter(r -> r.resourceType().equals("AWS::S3::Bucket"))
                    .map(r -> r.physicalResourceId())
                    .filter(bucket -> cloud.s3().getBucketWebsite(bucket).isPresent())
                    .findFirst();
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
