package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Lambda's {@code CreateFunctionRequest}; absent members are null. Layers may also be local zip paths (Slipway). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateFunctionRequest(String functionName, String runtime, String role, String handler, FunctionCode code, String description, Integer timeout, Integer memorySize, Boolean publish, Environment environment, List<String> layers, String packageType, List<String> architectures, Map<String, String> tags) {
    public static CreateFunctionRequest of(String name, String runtime, String handler, FunctionCode code) {
        return new CreateFunctionRequest(name, runtime, "arn:aws:iam::000000000000:role/lambda-role", handler, code,
                null, null, null, null, null, null, null, null, null);
    }

    public CreateFunctionRequest withMemoryAndTimeout(Integer memorySize, Integer timeout) {
        return new CreateFunctionRequest(functionName, runtime, role, handler, code, description, timeout, memorySize,
                publish, environment, layers, packageType, architectures, tags);
    }

    public CreateFunctionRequest withEnvironment(Map<String, String> variables) {
        return new CreateFunctionRequest(functionName, runtime, role, handler, code, description, timeout, memorySize,
                publish, new Environment(variables), layers, packageType, architectures, tags);
    }

    public CreateFunctionRequest withLayers(List<String> layers) {
        return new CreateFunctionRequest(functionName, runtime, role, handler, code, description, timeout, memorySize,
                publish, environment, layers, packageType, architectures, tags);
    }
}
