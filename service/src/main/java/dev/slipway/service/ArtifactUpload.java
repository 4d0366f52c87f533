package dev.slipway.service;

import java.nio.file.Path;

/** A file the deployer uploads to the deployment bucket before creating/updating the stack. */
public record ArtifactUpload(Path localPath, String s3Key) {}
