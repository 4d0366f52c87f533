package dev.slipway.deploy;

/** Progress of a deployment, for the live display. */
public interface DeployListener {
    /** A phase starts, e.g. "Uploading artifacts". */
    void phase(String description);

    /** A stack event, as DescribeStackEvents reports it. */
    void stackEvent(String logicalId, String resourceType, String status, String reason);

    /**
     * Whether this listener acts on stack events as they happen (and not only shows them): the
     * deployer then reads them at every poll of the stack's status instead of at the slower
     * {@code Target.eventPollInterval()} of the local cloud. {@code slipway offline} starts each
     * function's worker when it sees the event that its alias exists.
     */
    default boolean needsPromptEvents() {
        return false;
    }

    DeployListener SILENT = new DeployListener() {
        @Override
        public void phase(String description) {}

        @Override
        public void stackEvent(String logicalId, String resourceType, String status, String reason) {}
    };
}
