package dev.slipway.apigateway;

/**
 * One request served by an API, for a compact request log ({@code slipway offline} prints it).
 *
 * @param method the HTTP method
 * @param path the path as requested, e.g. {@code /dev/users/7}
 * @param function the function invoked (ARN as configured), or empty when none was (mock, errors)
 * @param status the status answered
 * @param durationMillis from request to response
 * @param invoked whether a function ran; {@link #coldStart} is meaningful only then
 * @param coldStart whether the function needed a new worker
 */
public record RequestLog(String method, String path, String function, int status, double durationMillis,
        boolean invoked, boolean coldStart) {

    /** E.g. {@code GET /dev/users/7 → users 200 12.3 ms (warm)}. */
    public String compact() {
        int i = function.indexOf(":function:");
        String fn = function.isEmpty() ? "-" : i < 0 ? function : function.substring(i + ":function:".length());
        // built by hand: this runs once per request, and String.format costs more than the rest of the log
        long tenths = Math.round(durationMillis * 10);
        return new StringBuilder(64 + path.length()).append(method).append(' ').append(path).append(" → ").append(fn)
                .append(' ').append(status).append(' ').append(tenths / 10).append('.').append(tenths % 10).append(" ms")
                .append(invoked ? (coldStart ? " (cold)" : " (warm)") : "").toString();
    }
}
