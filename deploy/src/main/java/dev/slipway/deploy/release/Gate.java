package dev.slipway.deploy.release;

/** A health check read repeatedly while traffic shifts; a failed reading rolls the release back. */
interface Gate {
    /** The gate now. */
    Reading read();

    /** Whether a step may end: enough of the new version's invocations were seen to judge it. */
    default boolean satisfied() {
        return true;
    }

    /**
     * @param failed whether the release must roll back
     * @param text what was read, for the progress display and, when failed, the reason
     */
    record Reading(boolean failed, String text) {
        static Reading ok(String text) {
            return new Reading(false, text);
        }

        static Reading failed(String text) {
            return new Reading(true, text);
        }
    }
}
