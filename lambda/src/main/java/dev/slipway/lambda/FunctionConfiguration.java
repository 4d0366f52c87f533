package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Lambda's {@code FunctionConfiguration}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionConfiguration(String functionName, String functionArn, String runtime, String role, String handler, long codeSize, String description, int timeout, int memorySize, String lastModified, String codeSha256, String version, Environment environment, String revisionId, List<Layer> layers, String state, String lastUpdateStatus, String packageType, List<String> architectures, Map<String, Object> ephemeralStorage, Map<String, Object> tracingConfig, Map<String, Object> loggingConfig, Map<String, Object> snapStart) {}
