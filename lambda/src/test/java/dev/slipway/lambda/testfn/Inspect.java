package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A method handler ({@code Inspect::describe}) that answers what Lambda's environment and Context look like. */
public class Inspect {
    public Map<String, Object> describe(Map<String, Object> input, Context context) {
        System.out.println("inspecting " + context.getAwsRequestId());
        context.getLogger().log("logged through the context logger");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : new String[] {"GREETING", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION",
            "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "_HANDLER", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_DYNAMODB", "HOME", "AWS_LAMBDA_MAX_CONCURRENCY"}) {
            out.put(name, System.getenv(name));
        }
        out.put("requestId", context.getAwsRequestId());
        out.put("functionName", context.getFunctionName());
        out.put("functionVersion", context.getFunctionVersion());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        out.put("memoryLimitInMB", context.getMemoryLimitInMB());
        out.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        out.put("logGroupName", context.getLogGroupName());
        out.put("logStreamName", context.getLogStreamName());
        out.put("clientContextCustom", context.getClientContext() == null ? null : context.getClientContext().getCustom());
        out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        out.put("userDir", System.getProperty("user.dir"));
        out.put("input", input);
        return out;
    }
}
