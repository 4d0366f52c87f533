package dev.slipway.cli;

import dev.slipway.deploy.Target;
import dev.slipway.service.FunctionSpec;
import dev.slipway.service.Service;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * {@code slipway logs -f FN}: a function's logs through the CloudWatch Logs API, so the same
 * command works against the local cloud and AWS.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show a function's logs (CloudWatch Logs API): the worker's output and START/END/REPORT lines.")
public final class LogsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern SINCE = Pattern.compile("(\\d+)([smhd])");

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions service;

    @Mixin
    TargetOptions target;

    @Option(names = {"-f", "--function"}, required = true, description = "The function's key in serverless.yml.")
    String function;

    @Option(names = {"-t", "--tail"}, description = "Keep following new log events until Ctrl-C.")
    boolean tail;

    @Option(names = "--since", defaultValue = "10m", description = "How far back to start: 30s, 10m, 2h, 1d (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--filter", description = "Only events matching this CloudWatch Logs filter pattern.")
    String filter;

    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Service svc = service.load(spec.commandLine().getErr(), Map.of(), target.variables());
        FunctionSpec fn = svc.function(function).orElseThrow(() -> new UserError(
                "the service has no function '" + function + "'",
                "use one of: " + String.join(", ", svc.functions().keySet())));
        String group = "/aws/lambda/" + fn.deployedName();
        Target t = target.resolve(svc.region());
        long start = Instant.now().minus(parseSince(since)).toEpochMilli();
        try (CloudWatchLogsClient logs = t.logs()) {
            do {
                long from = start;
                String token = null;
                do {
                    String tok = token;
                    FilterLogEventsResponse page = logs.filterLogEvents(b -> {
                        b.logGroupName(group).startTime(from).nextToken(tok);
                        if (filter != null) {
                            b.filterPattern(filter);
                        }
                    });
                    for (FilteredLogEvent e : page.events()) {
                        out.println(TIME.format(Instant.ofEpochMilli(e.timestamp())) + "  " + e.message().stripTrailing());
                        start = Math.max(start, e.timestamp() + 1);
                    }
                    token = page.nextToken();
                } while (token != null);
                out.flush();
                if (tail) {
                    Thread.sleep(500);
                }
            } while (tail);
        } catch (ResourceNotFoundException e) {
            throw new UserError("no logs yet for " + function + " (log group " + group + " does not exist on " + t + ")",
                    "invoke the function first; check --stage");
        }
        return 0;
    }

    static Duration parseSince(String text) {
        Matcher m = SINCE.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError("--since '" + text + "' is not a duration", "write it as 30s, 10m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
