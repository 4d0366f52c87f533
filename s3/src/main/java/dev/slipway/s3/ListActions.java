package dev.slipway.s3;

import dev.slipway.protocol.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ListObjects (v1) and ListObjectsV2: prefix, delimiter and CommonPrefixes, pages, URL encoding. */
final class ListActions {
    /** One page of a listing; {@code last} is the key or common prefix the next page starts after. */
    record Page(List<StoredObject> contents, List<String> commonPrefixes, boolean truncated, String last) {}

    private final ObjectStore store;

    ListActions(ObjectStore store) {
        this.store = store;
    }

    // ---- Java API

    Page list(String bucket, String prefix, String delimiter, int maxKeys, String after) {
        return list(store.bucket(bucket), prefix, delimiter, maxKeys, after);
    }

    static Page list(Bucket b, String prefix, String delimiter, int maxKeys, String after) {
        List<StoredObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String cursor = after == null || after.isEmpty() ? null : after;
        boolean inclusive = false;
        if (!prefix.isEmpty() && (cursor == null || prefix.compareTo(cursor) > 0)) {
            cursor = prefix;
            inclusive = true;
        }
        String last = null;
        boolean truncated = false;
        while (true) {
            Map.Entry<String, StoredObject> e = cursor == null ? b.objects.firstEntry()
                    : inclusive ? b.objects.ceilingEntry(cursor) : b.objects.higherEntry(cursor);
            inclusive = false;
            if (e == null) {
                break;
            }
            String key = e.getKey();
            cursor = key;
            if (!key.startsWith(prefix)) {
                break;
            }
            if (!delimiter.isEmpty()) {
                int idx = key.indexOf(delimiter, prefix.length());
                if (idx >= 0) {
                    String common = key.substring(0, idx + delimiter.length());
                    // Every key under this common prefix sorts before common + U+FFFF: skip them in one step.
                    cursor = common + Character.MAX_VALUE;
                    if (after != null && common.compareTo(after) <= 0) {
                        continue;
                    }
                    if (contents.size() + prefixes.size() >= maxKeys) {
                        truncated = maxKeys > 0;
                        break;
                    }
                    prefixes.add(common);
                    last = common;
                    continue;
                }
            }
            if (contents.size() + prefixes.size() >= maxKeys) {
                truncated = maxKeys > 0;
                break;
            }
            contents.add(e.getValue());
            last = key;
        }
        return new Page(contents, prefixes, truncated, last);
    }

    // ---- wire

    HttpResponse listObjectsV2(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String prefix = r.query("prefix").orElse("");
        String delimiter = r.query("delimiter").orElse("");
        int maxKeys = maxKeys(r);
        boolean url = encodingType(r);
        Optional<String> token = r.query("continuation-token");
        Optional<String> startAfter = r.query("start-after");
        String after = token.map(ListActions::decodeToken).orElse(startAfter.orElse(null));
        Page page = list(b, prefix, delimiter, maxKeys, after);
        boolean fetchOwner = r.query("fetch-owner").map("true"::equalsIgnoreCase).orElse(false);
        Xml xml = Xml.document("ListBucketResult").element("Name", b.name).element("Prefix", enc(prefix, url));
        if (!delimiter.isEmpty()) {
            xml.element("Delimiter", enc(delimiter, url));
        }
        xml.element("MaxKeys", maxKeys);
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("KeyCount", page.contents().size() + page.commonPrefixes().size())
                .element("IsTruncated", page.truncated());
        token.ifPresent(t -> xml.element("ContinuationToken", t));
        if (page.truncated()) {
            xml.element("NextContinuationToken", encodeToken(page.last()));
        }
        startAfter.ifPresent(s -> xml.element("StartAfter", enc(s, url)));
        contents(xml, page, url, fetchOwner);
        return BucketActions.xmlResponse(xml.end("ListBucketResult"));
    }

    HttpResponse listObjects(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String prefix = r.query("prefix").orElse("");
        String delimiter = r.query("delimiter").orElse("");
        String marker = r.query("marker").orElse("");
        int maxKeys = maxKeys(r);
        boolean url = encodingType(r);
        Page page = list(b, prefix, delimiter, maxKeys, marker);
        Xml xml = Xml.document("ListBucketResult").element("Name", b.name).element("Prefix", enc(prefix, url))
                .element("Marker", enc(marker, url)).element("MaxKeys", maxKeys);
        if (!delimiter.isEmpty()) {
            xml.element("Delimiter", enc(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", page.truncated());
        // S3 returns NextMarker only when a delimiter was given; clients use the last key otherwise.
        if (page.truncated() && !delimiter.isEmpty()) {
            xml.element("NextMarker", enc(page.last(), url));
        }
        contents(xml, page, url, true);
        return BucketActions.xmlResponse(xml.end("ListBucketResult"));
    }

    /** ListObjectVersions of a bucket that never had versioning: each object once, as version "null". */
    HttpResponse listObjectVersions(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String prefix = r.query("prefix").orElse("");
        String delimiter = r.query("delimiter").orElse("");
        String marker = r.query("key-marker").orElse("");
        int maxKeys = maxKeys(r);
        boolean url = encodingType(r);
        Page page = list(b, prefix, delimiter, maxKeys, marker);
        Xml xml = Xml.document("ListVersionsResult").element("Name", b.name).element("Prefix", enc(prefix, url))
                .element("KeyMarker", enc(marker, url)).element("VersionIdMarker", "").element("MaxKeys", maxKeys);
        if (!delimiter.isEmpty()) {
            xml.element("Delimiter", enc(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", page.truncated());
        if (page.truncated()) {
            xml.element("NextKeyMarker", enc(page.last(), url)).element("NextVersionIdMarker", "null");
        }
        for (StoredObject o : page.contents()) {
            xml.open("Version").element("Key", enc(o.key(), url)).element("VersionId", "null").element("IsLatest", true)
                    .element("LastModified", Xml.timestamp(o.lastModified())).element("ETag", o.eTag())
                    .element("Size", o.size()).element("StorageClass", o.storageClass()).open("Owner")
                    .element("ID", BucketActions.ownerId()).element("DisplayName", "slipway").close("Owner")
                    .close("Version");
        }
        for (String p : page.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", enc(p, url)).close("CommonPrefixes");
        }
        return BucketActions.xmlResponse(xml.end("ListVersionsResult"));
    }

    private static void contents(Xml xml, Page page, boolean url, boolean owner) {
        for (StoredObject o : page.contents()) {
            xml.open("Contents").element("Key", enc(o.key(), url))
                    .element("LastModified", Xml.timestamp(o.lastModified())).element("ETag", o.eTag());
            if (!o.checksums().isEmpty()) {
                xml.element("ChecksumAlgorithm", o.checksums().keySet().iterator().next());
                xml.element("ChecksumType", o.checksumType());
            }
            xml.element("Size", o.size());
            if (owner) {
                xml.open("Owner").element("ID", BucketActions.ownerId()).element("DisplayName", "slipway").close("Owner");
            }
            xml.element("StorageClass", o.storageClass()).close("Contents");
        }
        for (String p : page.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", enc(p, url)).close("CommonPrefixes");
        }
    }

    private static int maxKeys(S3Request r) {
        Optional<String> value = r.query("max-keys");
        if (value.isEmpty()) {
            return Limits.MAX_KEYS;
        }
        long n;
        try {
            n = Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range",
                    "max-keys", value.get());
        }
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw S3Exception.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647",
                    "maxKeys", value.get());
        }
        return (int) Math.min(n, Limits.MAX_KEYS);
    }

    private static boolean encodingType(S3Request r) {
        Optional<String> type = r.query("encoding-type");
        if (type.isPresent() && !type.get().equals("url")) {
            throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", type.get());
        }
        return type.isPresent();
    }

    static String enc(String s, boolean url) {
        return url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/") : s;
    }

    private static String encodeToken(String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("1:" + after).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (s.startsWith("1:")) {
                return s.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw S3Exception.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
}
