package dev.slipway.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Set;

/** {@code AWS::S3::BucketPolicy}: Bucket and PolicyDocument (an object or a JSON string); its physical id is the bucket. */
final class BucketPolicyProvider implements ResourceProvider {
    private final S3Service s3;

    BucketPolicyProvider(S3Service s3) {
        this.s3 = s3;
    }

    @Override
    public String type() {
        return "AWS::S3::BucketPolicy";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("Bucket");
    }

    @Override
    public Result create(Request request) throws Exception {
        return put(request);
    }

    @Override
    public Result update(Request request) throws Exception {
        return put(request);
    }

    private Result put(Request request) throws ResourceFailure {
        String bucket = request.properties().path("Bucket").asText("");
        JsonNode doc = request.properties().path("PolicyDocument");
        if (bucket.isEmpty() || doc.isMissingNode() || doc.isNull()) {
            throw new ResourceFailure("Properties validation failed for resource " + request.logicalId()
                    + " with message: #: required key [" + (bucket.isEmpty() ? "Bucket" : "PolicyDocument")
                    + "] not found");
        }
        s3.putBucketPolicy(bucket, doc.isTextual() ? doc.asText() : Json.string(doc));
        return new Result(bucket, Map.of());
    }

    @Override
    public void delete(Request request) {
        String bucket = request.physicalId().orElse(request.properties().path("Bucket").asText(""));
        if (!bucket.isEmpty() && s3.bucketExists(bucket)) {
            s3.deleteBucketPolicy(bucket);
        }
    }
}
