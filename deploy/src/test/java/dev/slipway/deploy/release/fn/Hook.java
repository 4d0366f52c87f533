package dev.slipway.deploy.release.fn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A pre/post-traffic hook: fails when {@code HOOK_FAILS=true}, else answers what it was given. */
public class Hook implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        if (Boolean.parseBoolean(System.getenv("HOOK_FAILS"))) {
            throw new IllegalStateException("smoke test of version " + input.get("ToVersion") + " failed");
        }
        return "checked " + input.get("FunctionName") + ":" + input.get("ToVersion") + " for " + input.get("DeploymentId");
    }
}
