package dev.slipway.deploy.release;

import dev.slipway.protocol.Json;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Pre-traffic and post-traffic hooks: functions invoked synchronously with a payload naming the
 * deployment, the function and its versions; a function error (or a failed invoke) fails the
 * release. Unlike CodeDeploy's hooks they need not call PutLifecycleEventHookExecutionStatus:
 * returning is success.
 */
final class Hooks {
    static final String PRE_TRAFFIC = "PreTraffic";
    static final String POST_TRAFFIC = "PostTraffic";

    private final LambdaClient lambda;

    Hooks(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** The failure, if the hook failed. */
    Optional<String> run(String hookFunction, String lifecycleEvent, String deploymentId, Change change, String alias) {
        var payload = Json.object();
        payload.put("DeploymentId", deploymentId);
        payload.put("LifecycleEvent", lifecycleEvent);
        payload.put("FunctionName", change.functionName());
        payload.put("Alias", alias);
        payload.put("FromVersion", change.fromVersion().orElse(null));
        payload.put("ToVersion", change.toVersion());
        String what = lifecycleEvent + " hook " + hookFunction + " for " + change.function();
        try {
            InvokeResponse r = lambda.invoke(b -> b.functionName(hookFunction)
                    .payload(SdkBytes.fromUtf8String(Json.string(payload))));
            if (r.functionError() != null) {
                String body = r.payload() == null ? "" : r.payload().asUtf8String();
                String message = body;
                try {
                    message = Json.parse(body).path("errorMessage").asText(body);
                } catch (java.io.IOException | RuntimeException notJson) {
                    // keep the raw body
                }
                return Optional.of(what + " failed: " + message);
            }
            return Optional.empty();
        } catch (LambdaException e) {
            return Optional.of(what + " could not be invoked: " + (e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorMessage()));
        }
    }
}
