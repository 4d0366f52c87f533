package dev.slipway.deploy;

/** Progress of a deployment, for the live display. */
public interface DeployListener {
    /** A phase starts, e.g. "Uploading artifacts". */
    void phase(String description);

    /** A stack event, as DescribeStackEvents reports it. */
    void stackEvent(String logicalId, String resourceType, String status, String reason);

    DeployListener SILENT = new DeployListener() {
        @Override
        public void phase(String description) {}

        @Override
        public void stackEvent(String logicalId, String resourceType, String status, String reason) {}
    };
}
