package dev.slipway.lambda;

import dev.slipway.protocol.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's REST-JSON wire protocol over {@link LambdaService}: routes by method and path (as in
 * botocore's lambda service-2.json), decodes the request into the action's record, encodes the
 * answer, and renders every failure as Lambda does ({@code X-Amzn-ErrorType} header and a
 * {@code {"Type":"User","message":…}} body). Never a 500 for bad input.
 */
final class LambdaHttpHandler implements HttpHandler {
    private static final String INVOKE_PREFIX = "/2015-03-31/functions/";
    private static final String INVOCATIONS = "/invocations";
    private static final Pattern FUNCTION = Pattern.compile("^/(\\d{4}-\\d{2}-\\d{2})/functions/([^/]+)(/.*)?$");

    /** Control-plane actions: threads on demand, gone after a minute idle, never keeping the JVM alive. */
    private static final ExecutorService CONTROL_PLANE = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "lambda-control-plane");
                t.setDaemon(true);
                return t;
            });

    private final LambdaService lambda;

    LambdaHttpHandler(LambdaService lambda) {
        this.lambda = lambda;
    }

    /**
     * Invoke is answered without a waiting thread (its stage completes on the worker's Runtime API
     * event loop); every other action may block (code unpacking, stopping workers), so it runs on
     * the control-plane pool.
     */
    @Override
    public boolean isAsync() {
        return true;
    }

    @Override
    public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
        if (request.method().equals("POST") && request.rawPath().endsWith(INVOCATIONS)) {
            String name = invokedFunction(request);
            if (name != null) {
                return invokeAsync(request, name);
            }
        }
        return CompletableFuture.supplyAsync(() -> handle(request), CONTROL_PLANE);
    }

    /**
     * The function of {@code POST /2015-03-31/functions/{name}/invocations}, or null: what {@link #FUNCTION}
     * matches for Invoke, read without a regex on every invocation.
     */
    private static String invokedFunction(HttpRequest request) {
        String path;
        try {
            path = request.path();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!path.startsWith(INVOKE_PREFIX) || !path.endsWith(INVOCATIONS)
                || path.length() <= INVOKE_PREFIX.length() + INVOCATIONS.length()) {
            return null;
        }
        String name = path.substring(INVOKE_PREFIX.length(), path.length() - INVOCATIONS.length());
        return name.indexOf('/') < 0 ? name : null;
    }

    private CompletionStage<HttpResponse> invokeAsync(HttpRequest r, String name) {
        String requestId = RequestIds.next();
        CompletableFuture<InvokeResponse> answer;
        try {
            answer = lambda.invokeAsync(invokeRequest(r, name));
        } catch (AwsServiceException e) {
            return CompletableFuture.completedFuture(error(e).header("x-amzn-RequestId", requestId));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(error(ServiceException.internal(e.toString()))
                    .header("x-amzn-RequestId", requestId));
        }
        return answer.handle((out, failure) -> {
            HttpResponse response;
            if (failure == null) {
                response = invokeResponse(out);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                response = error(cause instanceof AwsServiceException a ? a
                        : ServiceException.internal(String.valueOf(cause.getMessage())));
            }
            return response.header("x-amzn-RequestId", requestId);
        });
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String requestId = RequestIds.next();
        HttpResponse response;
        try {
            response = route(request);
        } catch (AwsServiceException e) {
            response = error(e);
        } catch (JsonMappingException e) {
            response = error(InvalidRequestContentException.bodyNotJson(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            response = error(InvalidRequestContentException.bodyNotJson(e.getOriginalMessage()));
        } catch (RuntimeException | IOException e) {
            response = error(ServiceException.internal(e.toString()));
        }
        return response.header("x-amzn-RequestId", requestId);
    }

    private HttpResponse route(HttpRequest r) throws IOException {
        String path = r.path();
        String method = r.method();
        if (path.equals("/2015-03-31/functions") || path.equals("/2015-03-31/functions/")) {
            if (method.equals("POST")) {
                return json(201, lambda.createFunction(body(r, CreateFunctionRequest.class)));
            }
            if (method.equals("GET")) {
                return json(200, lambda.listFunctions(r.query("Marker"), intQuery(r, "MaxItems"),
                        r.query("FunctionVersion").map("ALL"::equals).orElse(false)));
            }
        }
        if (method.equals("GET") && (path.equals("/2016-08-19/account-settings") || path.equals("/2016-08-19/account-settings/"))) {
            return json(200, lambda.getAccountSettings());
        }
        Matcher m = FUNCTION.matcher(path);
        if (!m.matches()) {
            throw UnknownOperationException.route(method, path);
        }
        String date = m.group(1);
        String name = m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3);
        Optional<String> qualifier = r.query("Qualifier");
        switch (date + " " + method + " " + rest) {
            case "2015-03-31 POST /invocations":
                return invoke(r, name);
            case "2015-03-31 GET ":
                return json(200, lambda.getFunction(name, qualifier));
            case "2015-03-31 DELETE ":
                lambda.deleteFunction(name, qualifier);
                return HttpResponse.status(204);
            case "2015-03-31 GET /configuration":
                return json(200, lambda.getFunctionConfiguration(name, qualifier));
            case "2015-03-31 PUT /configuration":
                return json(200, lambda.updateFunctionConfiguration(name, body(r, UpdateFunctionConfigurationRequest.class)));
            case "2015-03-31 PUT /code":
                return json(200, lambda.updateFunctionCode(name, body(r, UpdateFunctionCodeRequest.class)));
            case "2017-10-31 PUT /concurrency":
                return json(200, lambda.putFunctionConcurrency(name, body(r, Concurrency.class)));
            case "2017-10-31 DELETE /concurrency":
                lambda.deleteFunctionConcurrency(name);
                return HttpResponse.status(204);
            case "2019-09-30 GET /concurrency":
                return json(200, lambda.getFunctionConcurrency(name));
            case "2019-09-30 PUT /provisioned-concurrency":
                return json(202, lambda.putProvisionedConcurrencyConfig(name, qualifier.orElse(null),
                        body(r, PutProvisionedConcurrencyConfigRequest.class)));
            case "2019-09-30 GET /provisioned-concurrency":
                if (r.query("List").isPresent()) {
                    return json(200, lambda.listProvisionedConcurrencyConfigs(name, r.query("Marker"), intQuery(r, "MaxItems")));
                }
                return json(200, lambda.getProvisionedConcurrencyConfig(name, qualifier.orElse(null)));
            case "2019-09-30 DELETE /provisioned-concurrency":
                lambda.deleteProvisionedConcurrencyConfig(name, qualifier.orElse(null));
                return HttpResponse.status(204);
            case "2015-03-31 POST /versions":
                return json(201, lambda.publishVersion(name, r.body().length == 0 ? null : body(r, PublishVersionRequest.class)));
            case "2015-03-31 GET /versions":
                return json(200, lambda.listVersionsByFunction(name, r.query("Marker"), intQuery(r, "MaxItems")));
            case "2015-03-31 POST /aliases":
                return json(201, lambda.createAlias(name, body(r, CreateAliasRequest.class)));
            case "2015-03-31 GET /aliases":
                return json(200, lambda.listAliases(name, r.query("FunctionVersion")));
            case "2015-03-31 POST /policy":
                return json(201, Map.of("Statement", lambda.addPermission(name, qualifier, body(r, AddPermissionRequest.class))));
            case "2015-03-31 GET /policy":
                return json(200, Map.of("Policy", lambda.getPolicy(name), "RevisionId",
                        lambda.getFunctionConfiguration(name, Optional.empty()).revisionId()));
            default:
                break;
        }
        if (rest.startsWith("/aliases/") && date.equals("2015-03-31")) {
            String alias = rest.substring("/aliases/".length());
            switch (method) {
                case "GET":
                    return json(200, lambda.getAlias(name, alias));
                case "PUT":
                    return json(200, lambda.updateAlias(name, alias, body(r, UpdateAliasRequest.class)));
                case "DELETE":
                    lambda.deleteAlias(name, alias);
                    return HttpResponse.status(204);
                default:
                    break;
            }
        }
        if (rest.startsWith("/policy/") && method.equals("DELETE")) {
            lambda.removePermission(name, rest.substring("/policy/".length()));
            return HttpResponse.status(204);
        }
        throw UnknownOperationException.route(method, path);
    }

    private HttpResponse invoke(HttpRequest r, String name) {
        return invokeResponse(lambda.invoke(invokeRequest(r, name)));
    }

    private static InvokeRequest invokeRequest(HttpRequest r, String name) {
        return new InvokeRequest(name, r.header("X-Amz-Invocation-Type").orElse(null),
                r.header("X-Amz-Log-Type").orElse(null), r.header("X-Amz-Client-Context").orElse(null),
                r.rawQuery().isEmpty() ? null : r.query("Qualifier").orElse(null), r.body());
    }

    private static HttpResponse invokeResponse(InvokeResponse out) {
        HttpResponse response = HttpResponse.status(out.statusCode())
                .header("Content-Type", "application/json")
                .header("X-Amz-Executed-Version", out.executedVersion())
                .body(out.payload());
        out.functionError().ifPresent(e -> response.header("X-Amz-Function-Error", e));
        out.logResult().ifPresent(l -> response.header("X-Amz-Log-Result", l));
        return response;
    }

    private static <T> T body(HttpRequest r, Class<T> type) throws IOException {
        if (r.body().length == 0) {
            throw InvalidRequestContentException.bodyNotJson("No content to map due to end-of-input");
        }
        return Json.MAPPER.readValue(r.body(), type);
    }

    private static Optional<Integer> intQuery(HttpRequest r, String name) {
        Optional<String> v = r.query(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.get()));
        } catch (NumberFormatException e) {
            throw InvalidParameterValueException.of("Invalid " + name + ": " + v.get());
        }
    }

    private static HttpResponse json(int status, Object value) {
        return HttpResponse.json(status, Json.bytes(value));
    }

    /** Lambda's error shape. */
    static HttpResponse error(AwsServiceException e) {
        var body = Json.object();
        body.put("Type", e.httpStatus() >= 500 ? "Service" : "User");
        body.put("message", e.getMessage());
        HttpResponse response = HttpResponse.json(e.httpStatus(), Json.bytes(body))
                .header("X-Amzn-ErrorType", e.errorCode());
        if (e instanceof TooManyRequestsException t) {
            body.put("Reason", t.reason());
            response.body(Json.bytes(body)).header("Retry-After", "1");
        }
        return response;
    }
}
