package dev.slipway.cli;

import dev.slipway.dynamodb.DynamoDbEngine;
import dev.slipway.dynamodb.DynamoDbServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway dynamodb [--port 8000] [--data-dir DIR]}: Slipway's DynamoDB engine on its own,
 * in memory unless a data directory is given. Runs until interrupted (Ctrl-C).
 */
@Command(name = "dynamodb", mixinStandardHelpOptions = true,
        description = "Run the DynamoDB-compatible engine standalone (in memory unless --data-dir is given).")
public final class DynamoDbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", description = "Port to listen on, 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", description = "Directory to persist tables in; an acknowledged write survives kill -9.")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        DynamoDbServer server;
        try {
            server = DynamoDbServer.start(port, DynamoDbEngine.builder().dataDir(Optional.ofNullable(dataDir)).build());
        } catch (RuntimeException e) {
            throw new UserError("cannot start DynamoDB on port " + port + ": " + e.getMessage(),
                    "choose another port with --port, or stop the process using it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("DynamoDB listening on " + server.url()
                + (dataDir == null ? " (in memory)" : " (data in " + dataDir + ")"));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
