package dev.slipway.s3;

import dev.slipway.protocol.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error: its code, message and status as S3 answers them, plus the extra elements S3 puts
 * in its XML error body ({@code <BucketName>}, {@code <Key>}, {@code <Condition>} ...).
 *
 * <p>One class with one named factory per error code rather than one class per code: S3 errors
 * differ only by code, message and extra elements, and S3 has about thirty of them. The messages
 * are S3's own, as its error-code reference and recorded answers show them.
 */
public final class S3Exception extends AwsServiceException {
    private final Map<String, String> details;

    private S3Exception(String code, String message, int status, Map<String, String> details) {
        super(code, message, status);
        this.details = details;
    }

    private static S3Exception of(String code, String message, int status, String... details) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                map.put(details[i], details[i + 1]);
            }
        }
        return new S3Exception(code, message, status, map);
    }

    /** Extra elements of the XML error body, in order. */
    public Map<String, String> details() {
        return details;
    }

    static S3Exception noSuchBucket(String bucket) {
        return of("NoSuchBucket", "The specified bucket does not exist", 404, "BucketName", bucket);
    }

    static S3Exception noSuchKey(String key) {
        return of("NoSuchKey", "The specified key does not exist.", 404, "Key", key);
    }

    static S3Exception bucketAlreadyOwnedByYou(String bucket) {
        return of("BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.", 409,
                "BucketName", bucket);
    }

    static S3Exception bucketNotEmpty(String bucket) {
        return of("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, "BucketName", bucket);
    }

    static S3Exception invalidBucketName(String bucket) {
        return of("InvalidBucketName", "The specified bucket is not valid.", 400, "BucketName", bucket);
    }

    static S3Exception invalidLocationConstraint(String constraint) {
        return of("InvalidLocationConstraint", "The specified location-constraint is not valid", 400,
                "LocationConstraint", constraint);
    }

    static S3Exception noSuchUpload(String uploadId) {
        return of("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.", 404, "UploadId", uploadId);
    }

    static S3Exception invalidPart(int partNumber, String eTag) {
        return of("InvalidPart", "One or more of the specified parts could not be found.  The part may not have "
                + "been uploaded, or the specified entity tag may not match the part's entity tag.", 400,
                "PartNumber", Integer.toString(partNumber), "ETag", eTag);
    }

    static S3Exception invalidPartOrder() {
        return of("InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be "
                + "specified in order by part number.", 400);
    }

    static S3Exception entityTooSmall(long size, long minSize) {
        return of("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", 400,
                "ProposedSize", Long.toString(size), "MinSizeAllowed", Long.toString(minSize));
    }

    static S3Exception entityTooLarge(long size, long maxSize) {
        return of("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400,
                "ProposedSize", Long.toString(size), "MaxSizeAllowed", Long.toString(maxSize));
    }

    static S3Exception invalidRange(String range, long size) {
        return of("InvalidRange", "The requested range is not satisfiable", 416,
                "RangeRequested", range, "ActualObjectSize", Long.toString(size));
    }

    static S3Exception invalidPartNumber(int requested, int count) {
        return of("InvalidPartNumber", "The requested partnumber is not satisfiable", 416,
                "PartNumberRequested", Integer.toString(requested), "ActualPartCount", Integer.toString(count));
    }

    static S3Exception preconditionFailed(String condition) {
        return of("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412,
                "Condition", condition);
    }

    static S3Exception methodNotAllowed(String method, String resourceType) {
        return of("MethodNotAllowed", "The specified method is not allowed against this resource.", 405,
                "Method", method, "ResourceType", resourceType);
    }

    static S3Exception badDigest(String expected, String computed) {
        return of("BadDigest", "The Content-MD5 you specified did not match what we received.", 400,
                "ExpectedDigest", expected, "CalculatedDigest", computed);
    }

    static S3Exception invalidDigest(String given) {
        return of("InvalidDigest", "The Content-MD5 you specified is not valid.", 400, "Content-MD5", given);
    }

    static S3Exception checksumMismatch(String algorithm) {
        return of("BadDigest", "The " + algorithm + " you specified did not match the calculated checksum.", 400);
    }

    static S3Exception invalidChecksumHeader(String header) {
        return of("InvalidRequest", "Value for " + header + " header is invalid.", 400);
    }

    static S3Exception contentSha256Mismatch(String given, String computed) {
        return of("XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.", 400,
                "ClientComputedContentSHA256", given, "S3ComputedContentSHA256", computed);
    }

    static S3Exception incompleteBody() {
        return of("IncompleteBody", "The request body terminated unexpectedly", 400);
    }

    static S3Exception invalidChunkedBody(String why) {
        return of("InvalidRequest", "Invalid aws-chunked request body: " + why, 400);
    }

    static S3Exception noSuchBucketPolicy(String bucket) {
        return of("NoSuchBucketPolicy", "The bucket policy does not exist", 404, "BucketName", bucket);
    }

    static S3Exception malformedPolicy(String why) {
        return of("MalformedPolicy", why, 400);
    }

    static S3Exception noSuchWebsiteConfiguration(String bucket) {
        return of("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration", 404,
                "BucketName", bucket);
    }

    static S3Exception noSuchConfiguration(String code, String message, String bucket) {
        return of(code, message, 404, "BucketName", bucket);
    }

    static S3Exception malformedXml() {
        return of("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema", 400);
    }

    static S3Exception invalidArgument(String message, String name, String value) {
        return of("InvalidArgument", message, 400, "ArgumentName", name, "ArgumentValue", value);
    }

    static S3Exception invalidRequest(String message) {
        return of("InvalidRequest", message, 400);
    }

    static S3Exception keyTooLong(int size) {
        return of("KeyTooLongError", "Your key is too long", 400, "Size", Integer.toString(size),
                "MaxSizeAllowed", Integer.toString(Limits.MAX_KEY_BYTES));
    }

    static S3Exception metadataTooLarge(int size) {
        return of("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.", 400,
                "Size", Integer.toString(size), "MaxSizeAllowed", Integer.toString(Limits.MAX_USER_METADATA_BYTES));
    }

    static S3Exception copyToItself() {
        return invalidRequest("This copy request is illegal because it is trying to copy an object to itself "
                + "without changing the object's metadata, storage class, website redirect location or "
                + "encryption attributes.");
    }

    static S3Exception notImplemented(String action) {
        return of("NotImplemented", "The " + action + " action is not implemented by the local cloud's S3", 501);
    }

    static S3Exception internalError(String why) {
        return new S3Exception("InternalError", "We encountered an internal error. Please try again. (" + why + ")",
                500, Map.of());
    }
}
