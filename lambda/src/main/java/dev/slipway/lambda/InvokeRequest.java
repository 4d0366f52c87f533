package dev.slipway.lambda;

import java.nio.charset.StandardCharsets;

/**
 * Lambda's {@code InvocationRequest}. Absent members are null: invocationType defaults to
 * RequestResponse, qualifier to the name's own qualifier or $LATEST.
 *
 * @param clientContext base64 JSON, as in the X-Amz-Client-Context header
 */
public record InvokeRequest(String functionName, String invocationType, String logType, String clientContext,
        String qualifier, byte[] payload) {

    public static InvokeRequest of(String functionName, String payloadJson) {
        return new InvokeRequest(functionName, null, null, null, null, payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    public InvokeRequest withInvocationType(String type) {
        return new InvokeRequest(functionName, type, logType, clientContext, qualifier, payload);
    }

    public InvokeRequest withLogType(String type) {
        return new InvokeRequest(functionName, invocationType, type, clientContext, qualifier, payload);
    }

    public InvokeRequest withQualifier(String q) {
        return new InvokeRequest(functionName, invocationType, logType, clientContext, q, payload);
    }
}
