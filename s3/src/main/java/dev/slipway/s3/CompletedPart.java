package dev.slipway.s3;

/** A part named in CompleteMultipartUpload: its number and the ETag UploadPart returned. */
public record CompletedPart(int partNumber, String eTag) {}
