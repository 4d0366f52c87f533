package dev.slipway.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** Bucket actions: Create/Head/Delete/ListBuckets, GetBucketLocation, bucket policy and website configuration. */
final class BucketActions {
    /** Regions S3 accepts as LocationConstraint (botocore's BucketLocationConstraint enum, 2026). */
    private static final Set<String> LOCATIONS = Set.of("af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ca-central-1", "cn-north-1", "cn-northwest-1", "EU", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "sa-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1",
            "us-west-1", "us-west-2", "mx-central-1", "ap-southeast-7", "ca-west-1");

    private final ObjectStore store;

    BucketActions(ObjectStore store) {
        this.store = store;
    }

    ObjectStore store() {
        return store;
    }

    // ---- Java API

    Bucket create(String name, Optional<String> locationConstraint) {
        String location = locationConstraint.orElse("");
        if (!location.isEmpty() && !LOCATIONS.contains(location)) {
            throw S3Exception.invalidLocationConstraint(location);
        }
        return store.createBucket(name, location);
    }

    void putPolicy(String bucket, String policy) {
        Bucket b = store.bucket(bucket);
        if (policy.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_POLICY_BYTES) {
            throw S3Exception.malformedPolicy("Policy exceeds the maximum allowed document size.");
        }
        String trimmed = policy.strip();
        if (!trimmed.startsWith("{")) {
            throw S3Exception.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode doc;
        try {
            doc = Json.parse(trimmed);
        } catch (Exception e) {
            throw S3Exception.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        if (!doc.path("Statement").isArray() && !doc.path("Statement").isObject()) {
            throw S3Exception.malformedPolicy("Missing required field Statement");
        }
        b.policy = Optional.of(policy);
        store.saveBucket(b);
    }

    void putWebsite(String bucket, WebsiteConfiguration config) {
        Bucket b = store.bucket(bucket);
        if (config.redirectAllRequestsToHost().isEmpty()) {
            String suffix = config.indexDocumentSuffix().orElseThrow(() -> S3Exception.invalidArgument(
                    "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty",
                    "IndexDocument", "null"));
            if (suffix.isEmpty() || suffix.contains("/")) {
                throw S3Exception.invalidArgument("The IndexDocument Suffix is not well formed", "IndexDocument", suffix);
            }
        }
        b.website = Optional.of(config);
        store.saveBucket(b);
    }

    // ---- wire

    HttpResponse createBucket(S3Request r) {
        Optional<String> location = Optional.empty();
        if (r.http().body().length > 0) {
            Element root = Xml.parse(r.http().body());
            location = Xml.text(root, "LocationConstraint").map(String::strip).filter(s -> !s.isEmpty());
        }
        create(r.bucket(), location);
        return HttpResponse.status(200).header("Location", "/" + r.bucket());
    }

    HttpResponse headBucket(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String region = b.locationConstraint.isEmpty() ? store.region() : b.locationConstraint;
        return HttpResponse.status(200).header("x-amz-bucket-region", region)
                .header("x-amz-access-point-alias", "false");
    }

    HttpResponse deleteBucket(S3Request r) {
        store.deleteBucket(r.bucket());
        return HttpResponse.status(204);
    }

    /** ListBuckets with its optional prefix, bucket-region, max-buckets and continuation-token. */
    HttpResponse listBuckets(S3Request r) {
        String prefix = r.query("prefix").orElse("");
        Optional<String> regionFilter = r.query("bucket-region");
        int max = 10_000;
        if (r.query("max-buckets").isPresent()) {
            String value = r.query("max-buckets").get();
            try {
                max = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 10_000) {
                throw S3Exception.invalidArgument("Argument max-buckets must be an integer between 1 and 10000",
                        "max-buckets", value);
            }
        }
        String after = r.query("continuation-token").orElse("");
        Xml xml = Xml.document("ListAllMyBucketsResult").open("Buckets");
        String last = null;
        boolean more = false;
        int count = 0;
        for (Bucket b : store.buckets()) {
            String region = b.locationConstraint.isEmpty() ? store.region() : b.locationConstraint;
            if (!b.name.startsWith(prefix) || b.name.compareTo(after) <= 0
                    || regionFilter.isPresent() && !regionFilter.get().equals(region)) {
                continue;
            }
            if (count == max) {
                more = true;
                break;
            }
            xml.open("Bucket").element("Name", b.name).element("CreationDate", Xml.timestamp(b.created))
                    .element("BucketRegion", region).close("Bucket");
            last = b.name;
            count++;
        }
        xml.close("Buckets").open("Owner").element("ID", ownerId()).element("DisplayName", "slipway").close("Owner");
        if (more) {
            xml.element("ContinuationToken", last);
        }
        if (!prefix.isEmpty()) {
            xml.element("Prefix", prefix);
        }
        return xmlResponse(xml.end("ListAllMyBucketsResult"));
    }

    HttpResponse getBucketLocation(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        // us-east-1 buckets answer an empty LocationConstraint, as S3 does.
        Xml xml = Xml.documentWithoutNamespace("LocationConstraint xmlns=\"" + Xml.NS + "\"").raw(escapeText(b.locationConstraint));
        return xmlResponse(xml.end("LocationConstraint"));
    }

    HttpResponse putBucketPolicy(S3Request r) {
        putPolicy(r.bucket(), r.http().bodyAsString());
        return HttpResponse.status(204);
    }

    HttpResponse getBucketPolicy(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        String policy = b.policy.orElseThrow(() -> S3Exception.noSuchBucketPolicy(r.bucket()));
        return HttpResponse.status(200).header("Content-Type", "application/json").body(policy);
    }

    HttpResponse deleteBucketPolicy(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        b.policy = Optional.empty();
        store.saveBucket(b);
        return HttpResponse.status(204);
    }

    HttpResponse putBucketWebsite(S3Request r) {
        Element root = Xml.parse(r.http().body());
        if (Xml.child(root, "RoutingRules").isPresent()) {
            throw S3Exception.notImplemented("PutBucketWebsite with RoutingRules");
        }
        Optional<Element> redirect = Xml.child(root, "RedirectAllRequestsTo");
        WebsiteConfiguration config = new WebsiteConfiguration(
                Xml.child(root, "IndexDocument").flatMap(e -> Xml.text(e, "Suffix")),
                Xml.child(root, "ErrorDocument").flatMap(e -> Xml.text(e, "Key")),
                redirect.flatMap(e -> Xml.text(e, "HostName")), redirect.flatMap(e -> Xml.text(e, "Protocol")));
        if (redirect.isPresent() && config.redirectAllRequestsToHost().isEmpty()) {
            throw S3Exception.malformedXml();
        }
        putWebsite(r.bucket(), config);
        return HttpResponse.status(200);
    }

    HttpResponse getBucketWebsite(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        WebsiteConfiguration w = b.website.orElseThrow(() -> S3Exception.noSuchWebsiteConfiguration(r.bucket()));
        Xml xml = Xml.document("WebsiteConfiguration");
        if (w.redirectAllRequestsToHost().isPresent()) {
            xml.open("RedirectAllRequestsTo").element("HostName", w.redirectAllRequestsToHost().get())
                    .elementIfPresent("Protocol", w.redirectProtocol()).close("RedirectAllRequestsTo");
        }
        w.indexDocumentSuffix().ifPresent(s -> xml.open("IndexDocument").element("Suffix", s).close("IndexDocument"));
        w.errorDocumentKey().ifPresent(k -> xml.open("ErrorDocument").element("Key", k).close("ErrorDocument"));
        return xmlResponse(xml.end("WebsiteConfiguration"));
    }

    HttpResponse deleteBucketWebsite(S3Request r) {
        Bucket b = store.bucket(r.bucket());
        b.website = Optional.empty();
        store.saveBucket(b);
        return HttpResponse.status(204);
    }

    static String ownerId() {
        return Checksums.sha256Hex(AwsDefaults.ACCOUNT_ID.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse xmlResponse(byte[] xml) {
        return HttpResponse.status(200).header("Content-Type", "application/xml").body(xml);
    }

    private static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
