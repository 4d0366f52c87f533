/**
 * The local cloud's S3 (REST-XML): buckets, objects, listings, multipart uploads, bucket policies,
 * website configuration and the website endpoint, behind {@link dev.slipway.s3.S3Service}.
 *
 * <p>Layout: {@code S3Handler} resolves bucket and key (virtual-host-style Host first, then
 * path-style) and dispatches to one class per group of actions ({@code BucketActions},
 * {@code ObjectActions}, {@code ListActions}, {@code MultipartActions}, {@code WebsiteHosting});
 * each holds the Java-level logic and its wire codec. State lives in {@code ObjectStore}, on disk
 * through {@code Disk} (temp file + fsync + rename; the metadata sidecar is the commit point).
 * Uploads are decoded from aws-chunked ({@code AwsChunked}) and verified ({@code Checksums}:
 * Content-MD5, CRC32, CRC32C, CRC64NVME, SHA1, SHA256, from headers or trailers) before anything
 * is stored.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 * <li>No authentication or authorization here: SigV4 signatures (including aws-chunked chunk and
 * trailer signatures) are not verified, bucket policies are stored and returned but not enforced,
 * and anonymous requests are answered. The edge server owns authentication.</li>
 * <li>One account, one region: bucket names are unique only within this process; a LocationConstraint
 * is validated against the list of regions and stored, but every bucket lives in this process.</li>
 * <li>No versioning, ACLs, tagging, CORS, lifecycle, encryption configuration, object lock, replication,
 * notifications, SelectObjectContent: their Put actions (and the rest) answer
 * {@code NotImplemented} naming the action; their Get actions answer S3's defaults for a new bucket
 * ({@code DefaultConfigurations}), which is then always the truth. Website RoutingRules are rejected.</li>
 * <li>Every object is reported as SSE-S3 (AES256) and STANDARD storage class; nothing is encrypted.</li>
 * <li>Request bodies are held in memory (the HTTP server aggregates them), so one PUT or part is
 * bounded by the server's body limit and heap rather than 5 GiB; GetObject without a Range is
 * limited to 2 GiB.</li>
 * <li>Multipart uploads in progress are kept in memory (their parts on disk in {@code uploads/},
 * cleared at start): a restart forgets them and the client restarts the upload. Completed
 * objects are durable.</li>
 * <li>Multipart checksums are COMPOSITE (checksum of part checksums, "-N"); full-object multipart
 * checksums ({@code x-amz-checksum-type: FULL_OBJECT}) and CRC64NVME multipart checksums are not computed.</li>
 * <li>Versioning is never enabled: ListObjectVersions lists every object once, as version "null",
 * which is what S3 answers for an unversioned bucket.</li>
 * <li>Keys are ordered by UTF-16 code units, not UTF-8 bytes (differs only for characters outside
 * the Basic Multilingual Plane).</li>
 * <li>ListMultipartUploads returns at most 1,000 uploads and does not paginate.</li>
 * <li>AWS::S3::Bucket applies BucketName and WebsiteConfiguration; its other properties (encryption,
 * versioning, CORS, lifecycle, tags ...) are accepted and not applied.</li>
 * <li>ACL headers on writes ({@code x-amz-acl}, {@code x-amz-grant-*}) and tagging headers are ignored.</li>
 * </ul>
 */
package dev.slipway.s3;
