package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Lambda's {@code UpdateFunctionCodeRequest} (the function name comes from the path). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateFunctionCodeRequest(byte[] zipFile, String s3Bucket, String s3Key, String s3ObjectVersion, Boolean publish, String revisionId, @JsonIgnore String localPath) {
    FunctionCode code() {
        return new FunctionCode(zipFile, s3Bucket, s3Key, s3ObjectVersion, null, localPath);
    }

    public static UpdateFunctionCodeRequest of(FunctionCode code) {
        return new UpdateFunctionCodeRequest(code.zipFile(), code.s3Bucket(), code.s3Key(), code.s3ObjectVersion(), null,
                null, code.localPath());
    }
}
