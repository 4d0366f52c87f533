/**
 * The local cloud's CloudWatch Logs (JSON 1.1, {@code X-Amz-Target: Logs_20140328.*}) behind
 * {@link dev.slipway.logs.LogsService}: groups, streams, PutLogEvents, GetLogEvents, FilterLogEvents,
 * retention and tags, plus the {@link dev.slipway.protocol.spi.LogSink} the Lambda host writes to.
 *
 * <p>Layout: {@code LogsHandler} maps the target to one of {@code GroupActions}, {@code StreamActions},
 * {@code EventActions}; {@code Params} reads the JSON body with AWS's validation messages;
 * {@code LogStore} keeps state (events sorted by timestamp, then arrival) and enforces retention
 * against the injected clock; {@code Journal} persists to the data directory; {@code FilterPattern}
 * compiles filter patterns.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 * <li>Bounded memory: each stream keeps its newest {@code maxEventsPerStream} events (10,000 by default);
 * older ones are dropped, as if retention had expired them.</li>
 * <li>Persistence is an append-only JSON-lines file per stream, flushed but not fsynced per event: logs
 * are diagnostics, so a crash may lose the last lines (a torn line is skipped at load). Expired
 * and capped events are dropped in memory; the files are not compacted.</li>
 * <li>Retention is enforced when a group is read or written, not by a background sweep.</li>
 * <li>Filter patterns: terms, quoted phrases, {@code -exclusions}, {@code ?alternatives} and JSON patterns;
 * space-delimited patterns ({@code [a, b]}) are rejected; unquoted terms with special characters are
 * accepted rather than rejected. Matching is case-sensitive, as on AWS.</li>
 * <li>No metric filters, subscription filters, Insights queries, live tail, export tasks, KMS keys,
 * data protection, deliveries or anomaly detection: those actions answer UnknownOperationException
 * naming the action. Sequence tokens are returned but not checked (AWS stopped checking them in 2023).</li>
 * <li>GetLogEvents' 1 MB page cap counts UTF-16 characters, not UTF-8 bytes.</li>
 * </ul>
 */
package dev.slipway.logs;
