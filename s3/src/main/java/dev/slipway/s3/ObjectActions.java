package dev.slipway.s3;

import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** Object actions: Put/Get/Head/Delete/DeleteObjects/CopyObject, with checksums, ranges and conditions. */
final class ObjectActions {
    /** System metadata S3 stores from the request and returns on GET/HEAD. */
    static final List<String> STORED_HEADERS = List.of("Content-Type", "Cache-Control", "Content-Disposition",
            "Content-Encoding", "Content-Language", "Expires", "x-amz-website-redirect-location");
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private static final Pattern HEX_SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private final ObjectStore store;

    ObjectActions(ObjectStore store) {
        this.store = store;
    }

    // ---- Java API

    StoredObject put(String bucket, String key, byte[] data, Map<String, String> headers,
            Map<String, String> userMetadata, Map<String, String> checksums) {
        Bucket b = store.bucket(bucket);
        validateKey(key);
        if (data.length > Limits.MAX_PUT_BYTES) {
            throw S3Exception.entityTooLarge(data.length, Limits.MAX_PUT_BYTES);
        }
        StoredObject o = new StoredObject(key, store.newBlob(b, data), quote(Checksums.md5Hex(data)), store.now(),
                headers, userMetadata, checksums, checksums.isEmpty() ? null : "FULL_OBJECT", List.of(), "STANDARD");
        store.put(b, o);
        return o;
    }

    StoredObject copy(String srcBucket, String srcKey, String bucket, String key, Optional<Map<String, String>> newHeaders,
            Optional<Map<String, String>> newUserMetadata) {
        StoredObject src = store.object(store.bucket(srcBucket), srcKey);
        Bucket b = store.bucket(bucket);
        validateKey(key);
        if (srcBucket.equals(bucket) && srcKey.equals(key) && newHeaders.isEmpty()) {
            throw S3Exception.copyToItself();
        }
        byte[] data = src.blob().readAll();
        // A copy is a single-part object: its ETag is the MD5 of its bytes even when the source was multipart.
        Map<String, String> checksums = new LinkedHashMap<>();
        if (!src.checksums().isEmpty()) {
            String algorithm = src.checksums().keySet().iterator().next();
            checksums.put(algorithm, Checksums.compute(algorithm, data));
        }
        StoredObject o = new StoredObject(key, store.newBlob(b, data), quote(Checksums.md5Hex(data)), store.now(),
                newHeaders.orElse(src.headers()), newUserMetadata.orElse(src.userMetadata()), checksums,
                checksums.isEmpty() ? null : "FULL_OBJECT", List.of(), src.storageClass());
        store.put(b, o);
        return o;
    }

    static void validateKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_KEY_BYTES) {
            throw S3Exception.keyTooLong(bytes);
        }
    }

    // ---- wire

    HttpResponse putObject(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        Payload payload = Payload.read(r.http());
        checkWriteConditions(r, b);
        StoredObject o = put(b.name, r.key(), payload.data(), storedHeaders(r.http()), userMetadata(r.http()),
                payload.checksums());
        HttpResponse response = HttpResponse.status(200).header("ETag", o.eTag())
                .header("x-amz-server-side-encryption", "AES256");
        o.checksums().forEach((alg, v) -> response.header(Checksums.headerName(alg), v));
        if (!o.checksums().isEmpty()) {
            response.header("x-amz-checksum-type", "FULL_OBJECT");
        }
        return response;
    }

    /** Conditional writes: If-None-Match: * fails when the key exists, If-Match when its ETag differs. */
    private void checkWriteConditions(S3Request r, Bucket b) {
        String ifNoneMatch = r.header("If-None-Match");
        String ifMatch = r.header("If-Match");
        StoredObject existing = b.objects.get(r.key());
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*") && existing != null) {
            throw S3Exception.preconditionFailed("If-None-Match");
        }
        if (ifMatch != null) {
            if (existing == null) {
                throw S3Exception.noSuchKey(r.key());
            }
            if (!etagMatches(ifMatch, existing.eTag())) {
                throw S3Exception.preconditionFailed("If-Match");
            }
        }
    }

    HttpResponse getObject(S3Request r, boolean head) {
        StoredObject o = store.object(store.bucket(r.bucket()), r.key());
        return serve(o, r.http(), head);
    }

    /** GET/HEAD of a stored object: conditions, range, metadata headers; shared with website hosting. */
    static HttpResponse serve(StoredObject o, HttpRequest http, boolean head) {
        Optional<HttpResponse> notModified = evaluateConditions(o, http.headers());
        if (notModified.isPresent()) {
            return notModified.get();
        }
        long size = o.size();
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        String range = http.headers().get("Range");
        Optional<String> partNumber = http.query("partNumber");
        if (partNumber.isPresent()) {
            if (range != null) {
                throw S3Exception.invalidRequest("Cannot specify both Range header and partNumber query parameter");
            }
            long[] bounds = partBounds(o, partNumber.get());
            start = bounds[0];
            end = bounds[1];
            partial = size > 0;
        } else if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            // S3 ignores a Range header it cannot parse (multiple ranges included) and sends the whole object.
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    long suffix = parseLong(m.group(2));
                    if (suffix == 0 || size == 0) {
                        throw S3Exception.invalidRange(range, size);
                    }
                    start = Math.max(0, size - suffix);
                } else {
                    start = parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, parseLong(m.group(2)));
                    if (start >= size || (!m.group(2).isEmpty() && parseLong(m.group(2)) < start)) {
                        throw S3Exception.invalidRange(range, size);
                    }
                }
                partial = true;
            }
        }
        long length = size == 0 ? 0 : end - start + 1;
        HttpResponse response = HttpResponse.status(partial ? 206 : 200);
        metadataHeaders(o, response);
        response.header("Accept-Ranges", "bytes");
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        boolean checksumMode = "ENABLED".equalsIgnoreCase(http.headers().get("x-amz-checksum-mode"));
        if (checksumMode && !partial && o.checksumType() != null) {
            o.checksums().forEach((alg, v) -> response.header(Checksums.headerName(alg), v));
            response.header("x-amz-checksum-type", o.checksumType());
        }
        responseOverrides(http, response);
        if (head) {
            return response.header("Content-Length", Long.toString(length));
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw S3Exception.invalidRequest("Objects over 2 GiB must be read with Range requests in the local cloud");
        }
        return response.body(length == 0 ? new byte[0] : o.blob().read(start, (int) length));
    }

    /** GetObject's partNumber: the byte range of that part (part 1 of a single-part object is all of it). */
    private static long[] partBounds(StoredObject o, String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", value);
        }
        if (n < 1 || n > Limits.MAX_PART_NUMBER) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", value);
        }
        int count = Math.max(1, o.partsCount());
        if (n > count) {
            throw S3Exception.invalidPartNumber(n, count);
        }
        if (o.partsCount() == 0) {
            return new long[] {0, o.size() - 1};
        }
        long offset = 0;
        for (int i = 0; i < n - 1; i++) {
            offset += o.partSizes().get(i);
        }
        return new long[] {offset, offset + o.partSizes().get(n - 1) - 1};
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static void metadataHeaders(StoredObject o, HttpResponse response) {
        response.header("ETag", o.eTag()).header("Last-Modified", httpDate(o.lastModified()))
                .header("Content-Type", o.contentType());
        o.headers().forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                response.header(name, value);
            }
        });
        o.userMetadata().forEach((name, value) -> response.header("x-amz-meta-" + name, value));
        response.header("x-amz-server-side-encryption", "AES256");
        if (!o.storageClass().equals("STANDARD")) {
            response.header("x-amz-storage-class", o.storageClass());
        }
        if (o.partsCount() > 0) {
            response.header("x-amz-mp-parts-count", Integer.toString(o.partsCount()));
        }
    }

    private static void responseOverrides(HttpRequest http, HttpResponse response) {
        Map<String, String> overrides = Map.of("response-content-type", "Content-Type", "response-content-language",
                "Content-Language", "response-expires", "Expires", "response-cache-control", "Cache-Control",
                "response-content-disposition", "Content-Disposition", "response-content-encoding", "Content-Encoding");
        overrides.forEach((param, header) -> http.query(param).ifPresent(v -> response.headers().set(header, v)));
    }

    /**
     * RFC 7232 as S3 applies it: If-Match true wins over If-Unmodified-Since false (200), and
     * If-None-Match false wins over If-Modified-Since true (304).
     */
    static Optional<HttpResponse> evaluateConditions(StoredObject o, Headers h) {
        Instant modified = o.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = h.get("If-Match");
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, o.eTag())) {
                throw S3Exception.preconditionFailed("If-Match");
            }
        } else {
            Optional<Instant> since = parseHttpDate(h.get("If-Unmodified-Since"));
            if (since.isPresent() && modified.isAfter(since.get())) {
                throw S3Exception.preconditionFailed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = h.get("If-None-Match");
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = etagMatches(ifNoneMatch, o.eTag());
        } else {
            Optional<Instant> since = parseHttpDate(h.get("If-Modified-Since"));
            notModified = since.isPresent() && !modified.isAfter(since.get());
        }
        if (notModified) {
            return Optional.of(HttpResponse.status(304).header("ETag", o.eTag())
                    .header("Last-Modified", httpDate(o.lastModified())));
        }
        return Optional.empty();
    }

    static boolean etagMatches(String condition, String eTag) {
        for (String candidate : condition.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(eTag) || quote(c).equals(eTag)) {
                return true;
            }
        }
        return false;
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Optional<Instant> parseHttpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty(); // S3 ignores a date it cannot parse.
        }
    }

    HttpResponse deleteObject(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        store.delete(b, r.key());
        return HttpResponse.status(204);
    }

    HttpResponse deleteObjects(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        Payload payload = Payload.read(r.http());
        Element root = Xml.parse(payload.data());
        boolean quiet = Xml.text(root, "Quiet").map(s -> s.trim().equalsIgnoreCase("true")).orElse(false);
        List<Element> objects = Xml.children(root, "Object");
        if (objects.isEmpty() || objects.size() > Limits.MAX_KEYS) {
            throw S3Exception.malformedXml();
        }
        Xml xml = Xml.document("DeleteResult");
        for (Element e : objects) {
            Optional<String> key = Xml.text(e, "Key");
            if (key.isEmpty()) {
                throw S3Exception.malformedXml();
            }
            try {
                validateKey(key.get());
                store.delete(b, key.get());
                if (!quiet) {
                    xml.open("Deleted").element("Key", key.get()).close("Deleted");
                }
            } catch (S3Exception ex) {
                xml.open("Error").element("Key", key.get()).element("Code", ex.errorCode())
                        .element("Message", ex.getMessage()).close("Error");
            }
        }
        return BucketActions.xmlResponse(xml.end("DeleteResult"));
    }

    HttpResponse copyObject(S3Request r) {
        StoredObject src = copySource(store, r);
        String srcBucket = sourceBucket(r);
        String srcKey = src.key();
        String directive = Optional.ofNullable(r.header("x-amz-metadata-directive")).orElse("COPY").toUpperCase(Locale.ROOT);
        if (!directive.equals("COPY") && !directive.equals("REPLACE")) {
            throw S3Exception.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        boolean replace = directive.equals("REPLACE");
        StoredObject o = copy(srcBucket, srcKey, r.bucket(), r.key(),
                replace ? Optional.of(storedHeaders(r.http())) : Optional.empty(),
                replace ? Optional.of(userMetadata(r.http())) : Optional.empty());
        Xml xml = Xml.document("CopyObjectResult").element("LastModified", Xml.timestamp(o.lastModified()))
                .element("ETag", o.eTag());
        o.checksums().forEach((alg, v) -> xml.element("Checksum" + alg, v));
        return BucketActions.xmlResponse(xml.end("CopyObjectResult"));
    }

    /** The object {@code x-amz-copy-source} names ({@code [/]bucket/key[?versionId=...]}, URL-encoded), its conditions checked. */
    static StoredObject copySource(ObjectStore store, S3Request r) {
        String[] bucketAndKey = parseCopySource(r.header("x-amz-copy-source"));
        StoredObject src = store.object(store.bucket(bucketAndKey[0]), bucketAndKey[1]);
        copySourceConditions(r, src);
        return src;
    }

    static String sourceBucket(S3Request r) {
        return parseCopySource(r.header("x-amz-copy-source"))[0];
    }

    private static String[] parseCopySource(String source) {
        int q = source.indexOf("?versionId=");
        String path = URLDecoder.decode((q < 0 ? source : source.substring(0, q)).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw S3Exception.invalidArgument("Invalid copy source object key", "x-amz-copy-source", source);
        }
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }

    private static void copySourceConditions(S3Request r, StoredObject src) {
        String ifMatch = r.header("x-amz-copy-source-if-match");
        if (ifMatch != null && !etagMatches(ifMatch, src.eTag())) {
            throw S3Exception.preconditionFailed("x-amz-copy-source-If-Match");
        }
        String ifNoneMatch = r.header("x-amz-copy-source-if-none-match");
        if (ifNoneMatch != null && etagMatches(ifNoneMatch, src.eTag())) {
            throw S3Exception.preconditionFailed("x-amz-copy-source-If-None-Match");
        }
    }

    /** Content-Type and the other system metadata to store, aws-chunked removed from Content-Encoding. */
    static Map<String, String> storedHeaders(HttpRequest http) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = http.headers().get(name);
            if (value == null) {
                continue;
            }
            if (name.equals("Content-Encoding")) {
                List<String> codings = new ArrayList<>();
                for (String c : value.split(",")) {
                    if (!c.trim().isEmpty() && !c.trim().equalsIgnoreCase("aws-chunked")) {
                        codings.add(c.trim());
                    }
                }
                if (codings.isEmpty()) {
                    continue;
                }
                value = String.join(",", codings);
            }
            result.put(name, value);
        }
        return result;
    }

    static Map<String, String> userMetadata(HttpRequest http) {
        Map<String, String> result = new LinkedHashMap<>();
        int[] bytes = {0};
        http.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-")) {
                String key = lower.substring("x-amz-meta-".length());
                bytes[0] += key.length() + value.getBytes(StandardCharsets.UTF_8).length;
                result.merge(key, value, (a, b2) -> a + "," + b2);
            }
        });
        if (bytes[0] > Limits.MAX_USER_METADATA_BYTES) {
            throw S3Exception.metadataTooLarge(bytes[0]);
        }
        return result;
    }

    static String quote(String s) {
        return s.startsWith("\"") ? s : "\"" + s + "\"";
    }

    /** The decoded body of an upload, its checksums verified. */
    record Payload(byte[] data, Map<String, String> checksums) {
        static Payload read(HttpRequest http) {
            byte[] body = http.body();
            Map<String, String> trailers = Map.of();
            String sha256 = http.headers().get("x-amz-content-sha256");
            if (AwsChunked.applies(http.headers().get("Content-Encoding"), sha256)) {
                AwsChunked.Decoded decoded = AwsChunked.decode(body);
                body = decoded.data();
                trailers = decoded.trailers();
                String declared = http.headers().get("x-amz-decoded-content-length");
                if (declared != null && !declared.trim().equals(Integer.toString(body.length))) {
                    throw S3Exception.incompleteBody();
                }
            } else if (sha256 != null && HEX_SHA256.matcher(sha256).matches()) {
                String actual = Checksums.sha256Hex(body);
                if (!actual.equals(sha256)) {
                    throw S3Exception.contentSha256Mismatch(sha256, actual);
                }
            }
            return new Payload(body, Checksums.verify(http.headers(), trailers, body));
        }
    }
}
