package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway schedule list} and {@code slipway schedule fire NAME}: the schedules (EventBridge
 * rules) of a running local cloud, through its EventBridge API. {@code fire} uses the Slipway-only
 * action {@code AWSEvents.SlipwayFireRule}, which fires a rule now, also when it is disabled.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "List the schedules of a running local cloud, or fire one now.",
        subcommands = {ScheduleCommand.List.class, ScheduleCommand.Fire.class})
public final class ScheduleCommand implements Runnable {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4566";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List rules: name, schedule, state, targets.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--endpoint", defaultValue = DEFAULT_ENDPOINT,
                description = "The local cloud's edge URL (default: ${DEFAULT-VALUE}).")
        String endpoint;

        @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
        boolean stacktrace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<String[]> rows = new ArrayList<>();
            String token = null;
            do {
                ObjectNode req = JSON.createObjectNode();
                if (token != null) {
                    req.put("NextToken", token);
                }
                JsonNode page = eventBridge(endpoint, "ListRules", req);
                for (JsonNode r : page.path("Rules")) {
                    String name = r.path("Name").asText();
                    JsonNode targets = eventBridge(endpoint, "ListTargetsByRule", JSON.createObjectNode().put("Rule", name));
                    java.util.List<String> names = new ArrayList<>();
                    targets.path("Targets").forEach(t -> names.add(shortArn(t.path("Arn").asText())));
                    rows.add(new String[] {name, r.path("ScheduleExpression").asText("-"), r.path("State").asText(),
                            names.isEmpty() ? "-" : String.join(", ", names)});
                }
                token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            } while (token != null);
            if (rows.isEmpty()) {
                out.println("No schedules at " + endpoint + ".");
                out.flush();
                return 0;
            }
            String[] header = {"NAME", "SCHEDULE", "STATE", "TARGETS"};
            int[] width = new int[4];
            for (int i = 0; i < 4; i++) {
                width[i] = header[i].length();
                for (String[] row : rows) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            printRow(out, header, width);
            rows.forEach(row -> printRow(out, row, width));
            out.flush();
            return 0;
        }

        private static void printRow(PrintWriter out, String[] row, int[] width) {
            out.println(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s",
                    row[0], row[1], row[2], row[3]));
        }

        /** {@code arn:aws:lambda:…:function:svc-dev-report} → {@code svc-dev-report}. */
        private static String shortArn(String arn) {
            int i = arn.indexOf(":function:");
            return i < 0 ? arn : arn.substring(i + ":function:".length());
        }
    }

    @Command(name = "fire", mixinStandardHelpOptions = true,
            description = "Fire a rule now (also when disabled): its targets receive the scheduled event.")
    static final class Fire implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The rule's name (see 'slipway schedule list').")
        String name;

        @Option(names = "--endpoint", defaultValue = DEFAULT_ENDPOINT,
                description = "The local cloud's edge URL (default: ${DEFAULT-VALUE}).")
        String endpoint;

        @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
        boolean stacktrace;

        @Override
        public Integer call() {
            JsonNode r = eventBridge(endpoint, "SlipwayFireRule", JSON.createObjectNode().put("Name", name));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Fired " + name + " (event " + r.path("EventId").asText() + ").");
            out.flush();
            return 0;
        }
    }

    /** One EventBridge JSON 1.1 call; AWS errors and an unreachable cloud become UserErrors. */
    static JsonNode eventBridge(String endpoint, String action, ObjectNode body) {
        URI uri;
        try {
            uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        } catch (IllegalArgumentException e) {
            throw new UserError("--endpoint " + endpoint + " is not a URL", "e.g. --endpoint " + DEFAULT_ENDPOINT);
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(HttpRequest
                    .newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSEvents." + action)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new UserError("no local cloud is answering at " + endpoint,
                    "start one with 'slipway offline' in your service folder, or pass --endpoint URL");
        } catch (IOException e) {
            throw new UserError("cannot reach " + endpoint + ": " + e.getMessage(),
                    "check that the local cloud is running, or pass --endpoint URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted", "");
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() != 200 || json == null) {
            String type = json == null ? "" : json.path("__type").asText("");
            String message = json == null ? "HTTP " + response.statusCode() : json.path("message").asText(type);
            if (type.endsWith("ResourceNotFoundException")) {
                throw new UserError(message, "see the rules with 'slipway schedule list'");
            }
            if (type.endsWith("UnknownOperationException") || json == null) {
                throw new UserError(endpoint + " does not answer EventBridge's " + action + " (" + message + ")",
                        "point --endpoint at a Slipway local cloud (the edge port, " + DEFAULT_ENDPOINT + " by default)");
            }
            throw new UserError(type + ": " + message, "");
        }
        return json;
    }
}
