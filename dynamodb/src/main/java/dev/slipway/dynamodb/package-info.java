/**
 * Slipway's DynamoDB engine: the DynamoDB API (JSON 1.0, {@code X-Amz-Target:
 * DynamoDB_20120810.<Action>}) and DynamoDB Streams ({@code DynamoDBStreams_20120810}), embeddable
 * ({@link dev.slipway.dynamodb.DynamoDbEngine}), served on its own port
 * ({@link dev.slipway.dynamodb.DynamoDbServer}) or inside the local cloud
 * ({@link dev.slipway.dynamodb.DynamoDbEngine#asCloudService()}).
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@code WireHandler}: HTTP ⇄ JSON, target → action, errors as {@code __type}/{@code message},
 *       {@code x-amz-crc32}. {@code Actions} lists one class per action ({@code PutItemAction},
 *       {@code QueryAction}, …).</li>
 *   <li>Each action validates in tiers before touching state (STYLE rule 3): JSON types
 *       ({@code AttributeJson}, SerializationException) → declarative constraints
 *       ({@code Constraints}: "N validation errors detected: …", at most 10) → semantic checks and
 *       expressions ({@code Expressions}, implemented by the {@code expression} package) → checks
 *       that need the table ({@code Keys}). Only then does it lock the table and write.</li>
 *   <li>State: {@code Tables} (per engine: clock, region, account, storage) holds {@code Table}s:
 *       the items in key order (numbers numerically, strings and binaries by unsigned UTF-8
 *       bytes) plus one ordered store per secondary index holding projected items (sparse: only
 *       items with the index key attributes). Each is an {@code ItemStore}: items encoded as one
 *       byte array each ({@code KeyBytes}: order-preserving key bytes; {@code ItemCodec}: the
 *       attributes, names from a shared dictionary) in sorted chunks of 128, decoded on read.
 *       1 million small items take about 2.6× their DynamoDB size on the heap (an object graph
 *       per item took 12×); a read pays for the decoding.</li>
 *   <li>JSON: {@code JsonCodec} parses request bytes and writes responses with Jackson's
 *       streaming parser/generator into/from the node trees the actions use, without an
 *       ObjectMapper (its set-up dominated the time to the first answer).</li>
 *   <li>Concurrency: one read/write lock per table. A write request (condition check included)
 *       holds the write lock, so conditional writes are atomic and readers never see a torn item;
 *       transactions take the write locks of all their tables in name order and check every
 *       action before applying any. A failing request changes nothing.</li>
 * </ul>
 *
 * <h2>Persistence</h2>
 * With a data directory, every change is mirrored into H2's MVStore ({@code MvStoreStorage}: one
 * map of table definitions, one map per table from key to item, both as DynamoDB JSON), and each
 * write request is acknowledged only after an {@code MVStore.commit()} that includes it. Commits
 * are grouped ({@code GroupCommit}): one committing thread commits for every request that asked
 * while its previous commit ran, so concurrent writers share a commit instead of each serialising
 * the dirty pages again; a lone write is committed at once (no timer). A commit never runs while
 * an action applies its changes ({@code Storage.apply}: actions share a read lock, a commit takes
 * the write lock), so a TransactWriteItems or BatchWriteItem is on disk whole or not at all. MVStore is a
 * well-kept, log-structured embedded store already used by H2; RocksDB would add a native
 * library per platform for no gain at this scale (the heap maps serve every read; the store only
 * absorbs writes and is read once at start-up). Items are kept there as DynamoDB JSON, not in the
 * heap's byte encoding, whose attribute-name dictionary lives only as long as the process. The commit hands the new chunk to the operating
 * system with a {@code write()}, so an acknowledged write survives {@code kill -9} of the server
 * ({@code KillDurabilityTest} kills a child JVM under an 8-writer PutItem and BatchWriteItem load, plus two TransactWriteItems writers, and finds every
 * acknowledged item, and every transaction whole or absent, after restart); no {@code fsync} is issued per write, so a power loss or
 * kernel crash can lose the last writes, as with most local emulators. Without a data directory
 * the heap is the only store.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>No throttling: provisioned throughput is recorded and reported, never enforced;
 *       UnprocessedItems/UnprocessedKeys are only produced by the 16 MB BatchGetItem limit.</li>
 *   <li>Tables go CREATING → ACTIVE after {@code tableStatusDelay} (zero by default); GSIs
 *       created by UpdateTable are backfilled at once and ACTIVE immediately; DeleteTable removes
 *       the data at once.</li>
 *   <li>Scan returns items in key order (partition key value, then sort key), not in the order
 *       of DynamoDB's internal hash; parallel scan segments split partitions by a hash of the
 *       partition key.</li>
 *   <li>Item size and capacity units follow the documented rules (names + values, numbers about
 *       one byte per two digits); DynamoDB's exact internal accounting of nested types may differ
 *       by a few bytes.</li>
 *   <li>Streams have one shard per stream and keep records for the life of the engine (AWS: 24
 *       hours); records are not persisted.</li>
 *   <li>TTL deletes expired items within {@code ttlSweepInterval} (1 s by default), much faster
 *       than AWS (within days); deletions appear in the stream as ordinary REMOVE records
 *       without the service's userIdentity.</li>
 *   <li>PartiQL: SELECT/INSERT/UPDATE/DELETE as the expression package parses them; a SELECT
 *       with the partition key in an equality reads one partition, otherwise it scans; NextToken
 *       values are kept by the engine (they are not self-describing).</li>
 *   <li>Not implemented (answered with an error naming the action): backups, global tables,
 *       exports/imports, Kinesis destinations, contributor insights, resource policies.</li>
 *   <li>Authentication is not checked here (the edge server verifies SigV4).</li>
 * </ul>
 */
package dev.slipway.dynamodb;
