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
        // one concatenation (sized once, no StringBuilder widened by the arrow): this runs once per request
        long tenths = Math.round(durationMillis * 10);
        return method + ' ' + path + " → " + fn + ' ' + status + ' ' + tenths / 10 + '.' + tenths % 10 + " ms"
                + (invoked ? (coldStart ? " (cold)" : " (warm)") : "");
    }
}
