/**
 * The local Lambda service: functions run as on AWS Lambda, without Docker.
 *
 * <p>Three parts are kept apart (STYLE.md rule 9):
 * <ul>
 *   <li><b>Runtime API server</b> ({@code RuntimeApiServer}): the 2018-06-01 Runtime API on one loopback
 *       listener per sandbox; {@code /next} is a long poll answered asynchronously; one error renderer.</li>
 *   <li><b>Sandbox</b> ({@code Sandbox}): one worker process and the invocation it runs; an explicit state
 *       machine STARTING → READY ⇄ BUSY → DEAD that rejects other transitions; START/END/REPORT lines,
 *       the worker's output, timeouts (SIGKILL), crashes and init errors. Workers are started by
 *       {@code WorkerLauncher}: a JDK chosen per runtime ({@code Jdks}), Amazon's runtime interface client
 *       ({@code RuntimeClient}: class path from its own jar, JNI library unpacked once, or the pure-Java loop
 *       {@code worker.PureJavaRuntime} where there is no native library), Lambda's JVM flags, an AppCDS archive
 *       per function and code version, Lambda's environment, PID files for reaping after a crash.</li>
 *   <li><b>Invoke path</b> ({@code Invoker}, {@code Pool}): request checks and limits, qualifier and alias
 *       routing, a pool of warm sandboxes per function version bounded by reserved concurrency, idle reaping,
 *       Event invocations queued and retried twice.</li>
 * </ul>
 * The control plane ({@code FunctionActions}, {@code VersionActions}) keeps state in {@code FunctionRegistry}
 * and code in the content-addressed {@code CodeStore}; {@code LambdaHttpHandler} is the REST-JSON codec;
 * {@link dev.slipway.lambda.LambdaService} is the facade.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Runtimes: Java (java25, java21, java17, java11, java8.al2) and provided.al2023 only; no container images.
 *       A Java runtime runs on the newest installed JDK at least as new as the runtime, not on Amazon Linux.</li>
 *   <li>Without reserved concurrency, a function version has at most {@code maxWorkersPerFunction} workers
 *       (default 8) and further invocations wait instead of scaling to the account's 1,000; reserved
 *       concurrency is enforced per version, not across the function's versions.</li>
 *   <li>Layers are local zip paths (no PublishLayerVersion); their {@code java/lib/*.jar} join the worker's
 *       class path (the system class loader) rather than {@code /opt/java/lib} after the function's jars.</li>
 *   <li>The worker's metaspace and code cache have floors (64 MB, 8 MB) above Lambda's 10%/5% of small
 *       memory sizes, so 128 MB functions start outside Lambda's tuned image; memory is not capped by a cgroup
 *       (only the heap is bounded).</li>
 *   <li>An init error answers the invocation with the runtime's init error; Lambda's "suppressed init" retry
 *       inside the invoke phase is not emulated (the next invocation starts a new worker).</li>
 *   <li>Event invocations are kept in memory: a restart loses queued events. No dead-letter queues or
 *       destinations; the maximum event age is not enforced. Retry delays default to 1 and 2 minutes.</li>
 *   <li>Resource policies (AddPermission) are recorded and shown by GetPolicy but never enforced; IAM roles
 *       are not assumed (workers get Slipway's local credentials).</li>
 *   <li>A shaded jar (200 or more classes, no {@code lib/}, no {@code bootstrap}) is not unpacked class by
 *       class: the task root holds its non-class files and the jar itself as {@code lib/function.jar}, where the
 *       runtime client's class loader reads the classes. Handlers behave the same; only code that lists or
 *       reads {@code .class} files under {@code LAMBDA_TASK_ROOT} sees the difference.</li>
 *   <li>Metrics: invocations, errors, throttles, cold starts and recent durations are kept in memory per
 *       function and executed version (a restart starts from zero) and served by a local-only, read-only
 *       endpoint, {@code GET /_slipway/lambda/metrics/FUNCTION?Version=N&After=SEQ}, which release gates read;
 *       AWS publishes them to CloudWatch instead (not emulated).</li>
 *   <li>GetAccountSettings reports AWS's default quotas (75 GB of code storage, 1,000 concurrent executions)
 *       and the storage used by every kept version of every function; there are no layer versions to count.
 *       A Code.ZipFile over 50 MB is refused as Lambda refuses the request (RequestEntityTooLargeException);
 *       code from S3 is limited by its unzipped size only.</li>
 *   <li>Logs: a write without a trailing newline becomes its own log event once the pipe is drained; lines
 *       printed by a runtime after it posted its result may land after END.</li>
 *   <li>{@code LambdaService.prewarm} (no AWS action; {@code slipway offline} calls it after each deploy) starts a
 *       worker before the first invocation, as Lambda may initialise an on-demand environment ahead of a
 *       request: the worker still sees {@code AWS_LAMBDA_INITIALIZATION_TYPE=on-demand}, its init output goes to
 *       its log stream, and its first invocation is warm: its REPORT line has no Init Duration.</li>
 *   <li>With {@code SLIPWAY_LAMBDA_JAVA_TRANSPORT=true} (off by default) the worker's runtime client talks HTTP
 *       through a plain-Java {@code NativeClient} instead of its JNI one (curl): requests carry no
 *       {@code User-Agent}, and each goes out in one write; everything above the transport is Amazon's.</li>
 *   <li>Provisioned concurrency: configs live in memory (a restart forgets them); on a weighted alias only
 *       the alias's main version is provisioned; the workers of a version with a config all start as
 *       {@code provisioned-concurrency} environments (with java25's full tiered JIT), also those started on
 *       demand beyond the provisioned count, which on Lambda are on-demand; provisioned workers are capped by
 *       the reserved concurrency without the error AWS gives when the two conflict; when an alias moves to
 *       another version, the old version's workers stop after the idle timeout and the new version's
 *       provisioned workers start with its first invocation (a cold start), not ahead of it. There is no Application Auto Scaling.</li>
 *   <li>Not implemented: SnapStart, function URLs, event source mappings, code
 *       signing, tags APIs, VPC and file systems, response streaming, tenant isolation, durable functions.</li>
 * </ul>
 */
package dev.slipway.lambda;
