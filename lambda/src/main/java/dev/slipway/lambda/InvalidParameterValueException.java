package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code InvalidParameterValueException} (HTTP 400). */
final class InvalidParameterValueException extends AwsServiceException {
    private InvalidParameterValueException(String message) {
        super("InvalidParameterValueException", message, 400);
    }

    static InvalidParameterValueException of(String message) {
        return new InvalidParameterValueException(message);
    }

    static InvalidParameterValueException cannotUnzip() {
        return new InvalidParameterValueException(
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    static InvalidParameterValueException unzippedTooLarge() {
        return new InvalidParameterValueException("Unzipped size must be smaller than " + Limits.UNZIPPED_BYTES + " bytes");
    }

    /** As AWS words it (recorded answers quoted in public issues, read 2026-11-26): the measured JSON follows. */
    static InvalidParameterValueException environmentTooLarge(String measuredJson) {
        return new InvalidParameterValueException("Lambda was unable to configure your environment variables because the "
                + "environment variables you have provided exceeded the 4KB limit. String measured: " + measuredJson);
    }

    static InvalidParameterValueException s3ObjectMissing(String bucket, String key) {
        return new InvalidParameterValueException("Error occurred while GetObject. S3 Error Code: NoSuchKey. "
                + "S3 Error Message: The specified key does not exist. (bucket " + bucket + ", key " + key + ")");
    }

    static InvalidParameterValueException noCode() {
        return new InvalidParameterValueException("Please provide a source for function code.");
    }

    static InvalidParameterValueException layerNotFound(String arn) {
        return new InvalidParameterValueException("Layer version " + arn + " does not exist.");
    }

    static InvalidParameterValueException unsupportedQualifierForAlias(String qualifier) {
        return new InvalidParameterValueException("Unsupported function version: " + qualifier);
    }

    static InvalidParameterValueException unreservedBelowMinimum() {
        return new InvalidParameterValueException("Specified ReservedConcurrentExecutions for function decreases "
                + "account's UnreservedConcurrentExecution below its minimum value of [100].");
    }

    static InvalidParameterValueException invalidHandlerForImage() {
        return new InvalidParameterValueException("Slipway runs zip packages only: PackageType Image is not supported.");
    }

    /** Provisioned concurrency on $LATEST (PutProvisionedConcurrencyConfig; LocalStack's AWS snapshots, 2026-11-26). */
    static InvalidParameterValueException provisionedOnUnpublished() {
        return new InvalidParameterValueException(
                "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    }

    /** Get/DeleteProvisionedConcurrencyConfig on $LATEST (LocalStack's AWS snapshots, 2026-11-26). */
    static InvalidParameterValueException aliasOrPublishedVersionRequired() {
        return new InvalidParameterValueException("The function resource provided must be an alias or a published version.");
    }
}
