package dev.slipway.lambda;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Lambda's {@code FunctionCode}: a zip (base64 on the wire), an S3 object, or (Java API only) a local jar, zip or directory. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCode(byte[] zipFile, String s3Bucket, String s3Key, String s3ObjectVersion, String imageUri, @JsonIgnore String localPath) {
    public static FunctionCode zip(byte[] zip) {
        return new FunctionCode(zip, null, null, null, null, null);
    }

    /** A jar, a zip laid out as Lambda expects (classes at the root, lib/*.jar) or a directory. */
    public static FunctionCode path(java.nio.file.Path path) {
        return new FunctionCode(null, null, null, null, null, path.toAbsolutePath().toString());
    }
}
