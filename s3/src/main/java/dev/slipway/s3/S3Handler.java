package dev.slipway.s3;

import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3's REST-XML wire layer: resolves the bucket and key (virtual-host-style Host headers first,
 * then path-style), picks the action from the method and sub-resource query parameters, and
 * renders every failure as S3's XML error.
 */
final class S3Handler implements HttpHandler {
    /** {@code <bucket>.s3-website.localhost} and {@code <bucket>.s3-website-<region>.localhost} (also with '.' before the region). */
    static final Pattern WEBSITE_HOST = Pattern.compile("^(.+)\\.s3-website(?:[.-][a-z0-9-]+)?\\.(?:localhost|amazonaws\\.com)$");
    private static final Pattern VIRTUAL_HOST =
            Pattern.compile("^(.+)\\.s3(?:[.-][a-z0-9-]+)?\\.(?:localhost|amazonaws\\.com)$");
    private static final Pattern LOCALHOST_SUBDOMAIN = Pattern.compile("^([a-z0-9][a-z0-9.-]*)\\.localhost$");

    private final BucketActions buckets;
    private final ObjectActions objects;
    private final ListActions lists;
    private final MultipartActions multipart;
    private final WebsiteHosting website;
    private final DefaultConfigurations defaults;

    S3Handler(BucketActions buckets, ObjectActions objects, ListActions lists, MultipartActions multipart,
            WebsiteHosting website) {
        this.buckets = buckets;
        this.objects = objects;
        this.lists = lists;
        this.multipart = multipart;
        this.website = website;
        this.defaults = new DefaultConfigurations(buckets.store());
    }

    static String hostWithoutPort(HttpRequest request) {
        String host = request.headers().get("Host");
        if (host == null) {
            return "";
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The bucket a website-endpoint Host names, if the request is for a website endpoint. */
    static Optional<String> websiteBucket(HttpRequest request) {
        Matcher m = WEBSITE_HOST.matcher(hostWithoutPort(request));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The bucket a virtual-host-style Host names, if any. */
    static Optional<String> virtualHostBucket(HttpRequest request) {
        String host = hostWithoutPort(request);
        Matcher m = VIRTUAL_HOST.matcher(host);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        Matcher l = LOCALHOST_SUBDOMAIN.matcher(host);
        if (l.matches() && !host.equals("s3.localhost") && !host.contains(".execute-api.")) {
            return Optional.of(l.group(1));
        }
        return Optional.empty();
    }

    static String newRequestId() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Override
    public HttpResponse handle(HttpRequest http) {
        String requestId = newRequestId();
        Optional<String> site = websiteBucket(http);
        if (site.isPresent()) {
            return website.serve(site.get(), http, requestId);
        }
        S3Request request = resolve(http, requestId);
        try {
            return dispatch(request).header("x-amz-request-id", requestId).header("x-amz-id-2", hostId(requestId));
        } catch (AwsServiceException e) {
            return error(e, request);
        } catch (UncheckedIOException e) {
            return error(S3Exception.internalError(e.getMessage()), request);
        } catch (RuntimeException e) {
            return error(S3Exception.internalError(e.toString()), request);
        }
    }

    private static S3Request resolve(HttpRequest http, String requestId) {
        String path = http.path();
        Optional<String> vhost = virtualHostBucket(http);
        if (vhost.isPresent()) {
            String key = path.length() > 1 ? path.substring(1) : null;
            return new S3Request(http, vhost.get(), key, requestId);
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (rest.isEmpty()) {
            return new S3Request(http, null, null, requestId);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Request(http, rest, null, requestId);
        }
        String key = rest.substring(slash + 1);
        return new S3Request(http, rest.substring(0, slash), key.isEmpty() ? null : key, requestId);
    }

    private HttpResponse dispatch(S3Request r) {
        String method = r.http().method();
        if (r.bucket() == null) {
            if (method.equals("GET")) {
                return buckets.listBuckets(r);
            }
            throw S3Exception.methodNotAllowed(method, "SERVICE");
        }
        if (r.key() == null) {
            return dispatchBucket(r, method);
        }
        return dispatchObject(r, method);
    }

    private HttpResponse dispatchBucket(S3Request r, String method) {
        switch (method) {
            case "PUT" -> {
                if (r.has("policy")) {
                    return buckets.putBucketPolicy(r);
                }
                if (r.has("website")) {
                    return buckets.putBucketWebsite(r);
                }
                unsupportedSubresource(r, "PutBucket");
                return buckets.createBucket(r);
            }
            case "GET" -> {
                if (r.has("policy")) {
                    return buckets.getBucketPolicy(r);
                }
                if (r.has("website")) {
                    return buckets.getBucketWebsite(r);
                }
                if (r.has("location")) {
                    return buckets.getBucketLocation(r);
                }
                if (r.has("uploads")) {
                    return multipart.listMultipartUploads(r);
                }
                Optional<HttpResponse> fixed = defaults.bucket(r);
                if (fixed.isPresent()) {
                    return fixed.get();
                }
                if (r.has("versions")) {
                    return lists.listObjectVersions(r);
                }
                unsupportedSubresource(r, "GetBucket");
                return r.query("list-type").filter("2"::equals).isPresent() ? lists.listObjectsV2(r) : lists.listObjects(r);
            }
            case "HEAD" -> {
                return buckets.headBucket(r);
            }
            case "DELETE" -> {
                if (r.has("policy")) {
                    return buckets.deleteBucketPolicy(r);
                }
                if (r.has("website")) {
                    return buckets.deleteBucketWebsite(r);
                }
                unsupportedSubresource(r, "DeleteBucket");
                return buckets.deleteBucket(r);
            }
            case "POST" -> {
                if (r.has("delete")) {
                    return objects.deleteObjects(r);
                }
                throw S3Exception.methodNotAllowed(method, "BUCKET");
            }
            default -> throw S3Exception.methodNotAllowed(method, "BUCKET");
        }
    }

    private HttpResponse dispatchObject(S3Request r, String method) {
        switch (method) {
            case "PUT" -> {
                if (r.has("uploadId")) {
                    return multipart.uploadPart(r);
                }
                unsupportedSubresource(r, "PutObject");
                return r.header("x-amz-copy-source") != null ? objects.copyObject(r) : objects.putObject(r);
            }
            case "GET", "HEAD" -> {
                if (r.has("uploadId") && method.equals("GET")) {
                    return multipart.listParts(r);
                }
                Optional<HttpResponse> fixed = method.equals("GET") ? defaults.object(r) : Optional.empty();
                if (fixed.isPresent()) {
                    return fixed.get();
                }
                unsupportedSubresource(r, method.equals("GET") ? "GetObject" : "HeadObject");
                return objects.getObject(r, method.equals("HEAD"));
            }
            case "DELETE" -> {
                if (r.has("uploadId")) {
                    return multipart.abortMultipartUpload(r);
                }
                unsupportedSubresource(r, "DeleteObject");
                return objects.deleteObject(r);
            }
            case "POST" -> {
                if (r.has("uploads")) {
                    return multipart.createMultipartUpload(r);
                }
                if (r.has("uploadId")) {
                    return multipart.completeMultipartUpload(r);
                }
                throw S3Exception.methodNotAllowed(method, "OBJECT");
            }
            default -> throw S3Exception.methodNotAllowed(method, "OBJECT");
        }
    }

    /** Sub-resources (?acl, ?tagging, ?cors ...) of actions not emulated answer NotImplemented naming the action. */
    private static final java.util.Map<String, String> SUBRESOURCES = java.util.Map.ofEntries(
            java.util.Map.entry("acl", "Acl"), java.util.Map.entry("tagging", "Tagging"),
            java.util.Map.entry("cors", "Cors"), java.util.Map.entry("versioning", "Versioning"),
            java.util.Map.entry("lifecycle", "LifecycleConfiguration"), java.util.Map.entry("logging", "Logging"),
            java.util.Map.entry("notification", "NotificationConfiguration"),
            java.util.Map.entry("encryption", "Encryption"), java.util.Map.entry("replication", "Replication"),
            java.util.Map.entry("retention", "Retention"),
            java.util.Map.entry("legal-hold", "LegalHold"), java.util.Map.entry("object-lock", "ObjectLockConfiguration"),
            java.util.Map.entry("publicAccessBlock", "PublicAccessBlock"), java.util.Map.entry("attributes", "Attributes"),
            java.util.Map.entry("ownershipControls", "OwnershipControls"), java.util.Map.entry("restore", "Restore"),
            java.util.Map.entry("select", "Select"), java.util.Map.entry("accelerate", "AccelerateConfiguration"),
            java.util.Map.entry("requestPayment", "RequestPayment"), java.util.Map.entry("torrent", "Torrent"));

    private static void unsupportedSubresource(S3Request r, String actionPrefix) {
        for (String name : r.http().queryParameters().keySet()) {
            String suffix = SUBRESOURCES.get(name);
            if (suffix != null) {
                String verb = actionPrefix.startsWith("Put") ? "Put" : actionPrefix.startsWith("Delete") ? "Delete" : "Get";
                String noun = actionPrefix.endsWith("Bucket") ? "Bucket" : "Object";
                throw S3Exception.notImplemented(verb + noun + suffix);
            }
        }
    }

    static String hostId(String requestId) {
        return java.util.Base64.getEncoder().encodeToString(
                Checksums.digest("SHA-256", requestId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static HttpResponse error(AwsServiceException e, S3Request r) {
        HttpResponse response = HttpResponse.status(e.httpStatus())
                .header("x-amz-request-id", r.requestId()).header("x-amz-id-2", hostId(r.requestId()));
        if (r.http().method().equals("HEAD")) {
            // S3 answers HEAD errors without a body; clients map the status.
            return response;
        }
        Xml xml = Xml.documentWithoutNamespace("Error").element("Code", e.errorCode()).element("Message", e.getMessage());
        if (e instanceof S3Exception s3) {
            s3.details().forEach(xml::element);
        }
        xml.element("Resource", r.resource()).element("RequestId", r.requestId()).element("HostId", hostId(r.requestId()));
        return response.header("Content-Type", "application/xml").body(xml.end("Error"));
    }
}
