package dev.slipway.lambda;

import dev.slipway.protocol.AwsDefaults;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Starts worker processes the way Lambda's managed Java runtime does (flags from public dumps of its
 * command line, see the prototype notes): Serial GC, the runtime's JIT default ({@link #jitFlags}),
 * heap 85% / metaspace 10% / code cache 5% of memorySize, an AppCDS archive per function and code
 * version (trained by the first worker, used by the next ones), the JNI library path, and the
 * environment Lambda sets. A default the function's own {@code JAVA_TOOL_OPTIONS} sets is left out:
 * the JVM reads that variable before its command line, so ours would win, while on Lambda the
 * user's setting wins.
 */
final class WorkerLauncher implements Sandbox.Launcher {
    /** The SDKs' per-service endpoint variables (AWS_ENDPOINT_URL_<service id>). */
    private static final List<String> ENDPOINT_SERVICES = List.of("DYNAMODB", "S3", "LAMBDA", "STS", "IAM",
            "CLOUDFORMATION", "CLOUDWATCH_LOGS", "EVENTBRIDGE", "API_GATEWAY", "APIGATEWAYV2", "SQS", "SNS",
            "SCHEDULER", "SECRETS_MANAGER", "SSM");

    /**
     * @param provisioned whether a version has provisioned concurrency (its workers start as
     *     {@code provisioned-concurrency} environments, and on java25 with the JVM's full tiered JIT)
     */
    record Config(Jdks jdks, RuntimeClient client, Path cacheDir, Path pidDir, Optional<String> endpointUrl,
            String region, boolean pureJava, boolean appCds, Map<String, Integer> debugPorts, boolean debugSuspend,
            Predicate<FunctionVersion> provisioned) {}

    /**
     * Extra JVM options for every Java worker ({@code -Dslipway.lambda.workerJvmOptions="-XX:... -XX:..."}),
     * after Slipway's own: for profiling (a JFR recording) and flag A/B runs in benchmarks.
     */
    private static final List<String> EXTRA_OPTIONS = List.of(System.getProperty("slipway.lambda.workerJvmOptions", "")
            .trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();

    /**
     * Opt-in ({@code -Dslipway.lambda.javaTransport=true} or {@code SLIPWAY_LAMBDA_JAVA_TRANSPORT=true}):
     * Amazon's {@code AWSLambda} main with only its JNI transport replaced by plain Java
     * ({@link RuntimeClient#javaTransportClasses}); about a third of the worker CPU per invocation.
     */
    private static boolean javaTransport() {
        return Boolean.getBoolean("slipway.lambda.javaTransport")
                || "true".equalsIgnoreCase(System.getenv("SLIPWAY_LAMBDA_JAVA_TRANSPORT"));
    }

    private final Config config;
    private final Set<String> training = ConcurrentHashMap.newKeySet();
    private final Set<String> trainingSandboxes = ConcurrentHashMap.newKeySet();
    /** Exit steps of training workers still to run (archive moved into place, cache pruned). */
    private final Set<java.util.concurrent.CompletableFuture<Void>> archiving = ConcurrentHashMap.newKeySet();

    WorkerLauncher(Config config) {
        this.config = config;
    }

    @Override
    public Process launch(Sandbox sandbox, String runtimeApi) throws IOException {
        FunctionVersion fn = sandbox.function;
        List<String> command = new ArrayList<>();
        Path cdsArchive = null;
        String cdsKey = null;
        if (fn.runtime().isJava()) {
            Jdks.Jdk jdk = config.jdks().forRuntime(fn.runtime());
            command.add(jdk.java().toString());
            long kb = fn.memoryMb() * 1024L;
            Set<String> user = userFlags(fn.environment().get("JAVA_TOOL_OPTIONS"));
            if (!user.contains("MaxHeapSize")) {
                command.add("-XX:MaxHeapSize=" + (kb * 85 / 100) + "k");
            }
            // AWS's split gives 13 MB of metaspace at 128 MB, too little for the RIC's ~2,250 classes
            // outside Lambda's own tuned image: keep a floor so small functions still start
            if (!user.contains("MaxMetaspaceSize")) {
                command.add("-XX:MaxMetaspaceSize=" + Math.max(kb * 10 / 100, 64 * 1024) + "k");
            }
            if (!user.contains("ReservedCodeCacheSize")) {
                command.add("-XX:ReservedCodeCacheSize=" + Math.max(kb * 5 / 100, 8 * 1024) + "k");
            }
            if (!user.contains(GC)) {
                command.add("-XX:+UseSerialGC");
            }
            if (!user.contains("TieredStopAtLevel") && !user.contains("TieredCompilation")) {
                command.addAll(jitFlags(fn.runtime(), config.provisioned().test(fn)));
            }
            command.add("-XX:+ErrorFileToStderr");
            if (jdk.feature() >= 22) {
                // the RIC loads its JNI library with System.load: without this JDK 24+ prints a warning per start
                command.add("--enable-native-access=ALL-UNNAMED");
            }
            command.add("-Djava.net.preferIPv4Stack=true");
            command.add("-Dslipway.sandbox=" + sandbox.id);
            boolean pure = config.pureJava() || config.client().jni().isEmpty();
            List<Path> cp = new ArrayList<>(config.client().classpath());
            if (pure) {
                cp.add(config.client().pureJavaClasses());
            } else if (javaTransport()) {
                cp.add(0, config.client().javaTransportClasses());
            } else {
                command.add("-D" + RuntimeClient.JNI_PROPERTY + "=" + config.client().jni().get());
            }
            cp.addAll(fn.layerJars());
            Integer debugPort = config.debugPorts().get(fn.name());
            if (debugPort != null) {
                command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=" + (config.debugSuspend() ? "y" : "n")
                        + ",address=127.0.0.1:" + debugPort);
            } else if (config.appCds()) {
                cdsKey = cdsKey(jdk, cp, fn, pure);
                Path archive = config.cacheDir().resolve("cds").resolve(cdsKey + ".jsa");
                command.add("-Xshare:auto");
                command.add("-Xlog:cds=off");
                command.add("-Xlog:cds+dynamic=off");
                if (Files.isRegularFile(archive)) {
                    command.add("-XX:SharedArchiveFile=" + archive);
                    LruFiles.touch(archive);
                } else if (training.add(cdsKey)) {
                    Files.createDirectories(archive.getParent());
                    cdsArchive = archive;
                    trainingSandboxes.add(sandbox.id);
                    command.add("-XX:ArchiveClassesAtExit=" + tmpArchive(archive, sandbox));
                } else {
                    cdsKey = null;
                }
            }
            command.addAll(EXTRA_OPTIONS);
            command.add("-cp");
            command.add(String.join(File.pathSeparator, RuntimeClient.toStrings(cp)));
            command.add(pure ? RuntimeClient.PURE_JAVA_MAIN : RuntimeClient.MAIN);
            command.add(fn.handler());
        } else {
            Path bootstrap = fn.taskRoot().resolve("bootstrap");
            if (!Files.isExecutable(bootstrap)) {
                throw new MissingBootstrap(fn.taskRoot());
            }
            command.add(bootstrap.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(fn.taskRoot().toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment(fn, sandbox, runtimeApi));
        Process process = pb.start();
        writePid(sandbox, process);
        Path archive = cdsArchive;
        String key = cdsKey;
        java.util.concurrent.CompletableFuture<Void> exited = process.onExit().thenRun(() -> {
            if (archive != null) {
                Path tmp = tmpArchive(archive, sandbox);
                try {
                    if (Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                        Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        LruFiles.prune(archive.getParent(), ".jsa", CACHED_ARCHIVES, a -> { });
                    } else {
                        Files.deleteIfExists(tmp);
                    }
                } catch (IOException ignored) {
                    // the next worker trains again
                }
                training.remove(key);
                trainingSandboxes.remove(sandbox.id);
            }
            try {
                Files.deleteIfExists(config.pidDir().resolve(sandbox.id));
            } catch (IOException ignored) {
                // reaped at the next start
            }
        });
        if (archive != null) {
            archiving.add(exited);
            exited.whenComplete((r, e) -> archiving.remove(exited));
        }
        return process;
    }

    /**
     * Waits (at most {@code max}) until the archives of training workers that have exited are in
     * place and the cache pruned: the service's close stops the workers, and these steps run when
     * each process is gone.
     */
    void awaitArchives(java.time.Duration max) {
        try {
            java.util.concurrent.CompletableFuture.allOf(archiving.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // an archive that is not ready is trained again by a later worker
        }
    }

    /** Stands for any {@code -XX:+Use...GC} in {@link #userFlags}: one collector replaces another. */
    static final String GC = "<gc>";
    private static final Set<String> COLLECTORS = Set.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC",
            "UseShenandoahGC", "UseEpsilonGC", "UseConcMarkSweepGC", "UseParallelOldGC");

    /**
     * The JIT default of Lambda's Java runtimes (docs.aws.amazon.com/lambda/latest/dg/java-customization.html,
     * read 2026-11-26): java8.al2 and java11 use the JVM's default tiered compilation; java17 and java21
     * stop at level 1 (C1); java25 stops at level 1 too, except with SnapStart or provisioned
     * concurrency, where the JVM's defaults apply (C2 compiles before the invocations come).
     */
    static List<String> jitFlags(Runtime runtime, boolean provisioned) {
        return switch (runtime) {
            case JAVA17, JAVA21 -> List.of("-XX:TieredStopAtLevel=1");
            case JAVA25 -> provisioned ? List.of() : List.of("-XX:TieredStopAtLevel=1");
            default -> List.of();
        };
    }

    /**
     * The JVM flags a {@code JAVA_TOOL_OPTIONS} value sets, by name ({@code -Xmx} is MaxHeapSize,
     * {@code -Xss} ThreadStackSize, {@code MaxRAMPercentage} MaxHeapSize, any collector {@link #GC}).
     */
    static Set<String> userFlags(String javaToolOptions) {
        if (javaToolOptions == null || javaToolOptions.isBlank()) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String option : javaToolOptions.trim().split("\\s+")) {
            if (option.startsWith("-Xmx")) {
                names.add("MaxHeapSize");
            } else if (option.startsWith("-Xss")) {
                names.add("ThreadStackSize");
            } else if (option.startsWith("-XX:")) {
                String flag = option.substring(4);
                if (flag.startsWith("+") || flag.startsWith("-")) {
                    flag = flag.substring(1);
                }
                int eq = flag.indexOf('=');
                String name = eq < 0 ? flag : flag.substring(0, eq);
                if (COLLECTORS.contains(name)) {
                    names.add(GC);
                } else if (name.equals("MaxRAMPercentage") || name.equals("MaxRAM")) {
                    names.add("MaxHeapSize");
                } else {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Archives of this many code versions are kept (about 12 MB each); the least recently used go first. */
    static final int CACHED_ARCHIVES = 32;

    /** Whether the sandbox's worker is writing a class-data archive (stop it gracefully then). */
    boolean isTraining(Sandbox sandbox) {
        return trainingSandboxes.contains(sandbox.id);
    }

    private Path tmpArchive(Path archive, Sandbox sandbox) {
        return archive.resolveSibling(archive.getFileName() + ".tmp-" + sandbox.id);
    }

    Map<String, String> environment(FunctionVersion fn, Sandbox sandbox, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        if (Jdks.isWindows()) {
            for (String keep : List.of("SystemRoot", "TEMP", "TMP", "PATH")) {
                String v = System.getenv(keep);
                if (v != null) {
                    env.put(keep, v);
                }
            }
        }
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", fn.handler());
        env.put("LAMBDA_TASK_ROOT", fn.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", fn.version());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", fn.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", sandbox.logStream);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.provisioned().test(fn) ? "provisioned-concurrency" : "on-demand");
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        env.put("AWS_EXECUTION_ENV", fn.runtime().executionEnv());
        env.put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        env.put("AWS_SESSION_TOKEN", AwsDefaults.SESSION_TOKEN);
        config.endpointUrl().ifPresent(url -> {
            env.put("AWS_ENDPOINT_URL", url);
            for (String service : ENDPOINT_SERVICES) {
                env.put("AWS_ENDPOINT_URL_" + service, url);
            }
        });
        env.putAll(fn.environment());
        return env;
    }

    private static String cdsKey(Jdks.Jdk jdk, List<Path> cp, FunctionVersion fn, boolean pure) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            // not the task root: CDS checks classes of the customer loader by content, and the CLI unpacks anew each run
            for (Object part : List.of(jdk.home(), cp, fn.codeSha256(), fn.handler(), pure)) {
                d.update(part.toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return fn.name() + "-" + HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PID files: a crashed host leaves workers behind; the next start reaps them ----

    private void writePid(Sandbox sandbox, Process process) {
        try {
            Files.createDirectories(config.pidDir());
            Files.writeString(config.pidDir().resolve(sandbox.id), process.pid() + " " + ProcessHandle.current().pid());
        } catch (IOException ignored) {
            // reaping is best effort
        }
    }

    /** Kills workers whose host process is gone; returns how many. */
    static int reapStale(Path pidDir) {
        if (!Files.isDirectory(pidDir)) {
            return 0;
        }
        int reaped = 0;
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.toList()) {
                try {
                    String[] parts = Files.readString(file).trim().split(" ");
                    long worker = Long.parseLong(parts[0]);
                    long owner = Long.parseLong(parts[1]);
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    Optional<ProcessHandle> handle = ProcessHandle.of(worker);
                    if (handle.isPresent() && handle.get().isAlive() && isOurWorker(worker, file.getFileName().toString())) {
                        handle.get().destroyForcibly();
                        reaped++;
                    }
                    Files.deleteIfExists(file);
                } catch (IOException | RuntimeException e) {
                    // a half-written or foreign file: leave it
                }
            }
        } catch (IOException e) {
            return reaped;
        }
        return reaped;
    }

    /** Checks the command line, so a recycled PID of an unrelated process is never killed. */
    private static boolean isOurWorker(long pid, String sandboxId) {
        Path cmdline = Path.of("/proc/" + pid + "/cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("-Dslipway.sandbox=" + sandboxId);
            }
        } catch (IOException e) {
            return false;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                .map(c -> c.contains("-Dslipway.sandbox=" + sandboxId)).orElse(false);
    }

    /** provided.al2023 without an executable bootstrap: Lambda's Runtime.InvalidEntrypoint. */
    static final class MissingBootstrap extends IOException {
        MissingBootstrap(Path taskRoot) {
            super("Couldn't find valid bootstrap(s): [" + taskRoot.resolve("bootstrap") + "]", null);
        }
    }
}
