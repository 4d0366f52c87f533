package dev.slipway.cli;

import dev.slipway.cloud.LocalCloud;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway cloud}: runs the local cloud in the foreground until Ctrl-C. */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Run the local serverless cloud (Lambda, DynamoDB, S3, CloudFormation, API Gateway, "
                + "schedules, logs) on one edge port, until Ctrl-C.")
public final class CloudCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "4566", description = "Edge port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--data-dir", description = "Keep stacks, functions, tables and objects here across restarts. "
            + "Without it nothing is written to disk.")
    Path dataDir;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        LocalCloud cloud;
        try {
            cloud = LocalCloud.builder().host(host).port(port).dataDir(Optional.ofNullable(dataDir))
                    .warmUpDigests(true).start();
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                throw new UserError("port " + port + " on " + host + " is already in use",
                        "stop what runs there (maybe another 'slipway cloud'), or pass --port");
            }
            throw e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.printf("Slipway local cloud ready at %s in %d ms (JVM start to ready: %d ms)%n", cloud.url(), millis,
                System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                        .map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis()));
        out.println("  services: " + cloud.services().stream().map(s -> s.name()).collect(Collectors.joining(", ")));
        out.println("  data: " + (dataDir == null ? "in memory (nothing written to disk)" : dataDir.toAbsolutePath()));
        out.println("  use it: aws --endpoint-url " + cloud.url() + " dynamodb list-tables");
        out.println("  Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "slipway-cloud-shutdown"));
        stopped.await();
        return 0;
    }

    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
