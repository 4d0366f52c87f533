package dev.slipway.s3;

import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The website endpoint of a bucket ({@code http://<bucket>.s3-website-<region>.amazonaws.com}), as S3
 * serves it: the index document for {@code /} and {@code dir/}, a 302 from {@code dir} to {@code dir/}
 * when only {@code dir/<index>} exists, the error document with status 404 for a missing key, and
 * S3's HTML error pages (not XML) for everything else.
 */
final class WebsiteHosting {
    private final ObjectStore store;

    WebsiteHosting(ObjectStore store) {
        this.store = store;
    }

    HttpResponse serve(String bucketName, HttpRequest http, String requestId) {
        try {
            return serveOrThrow(bucketName, http, requestId).header("x-amz-request-id", requestId)
                    .header("x-amz-id-2", S3Handler.hostId(requestId));
        } catch (S3Exception e) {
            return errorPage(e.httpStatus(), e.errorCode(), e.getMessage(), e.details(), requestId, Optional.empty());
        }
    }

    private HttpResponse serveOrThrow(String bucketName, HttpRequest http, String requestId) {
        boolean head = http.method().equals("HEAD");
        if (!head && !http.method().equals("GET")) {
            throw S3Exception.methodNotAllowed(http.method(), "OBJECT");
        }
        Bucket b = store.bucket(bucketName);
        WebsiteConfiguration config = b.website.orElseThrow(() -> S3Exception.noSuchWebsiteConfiguration(bucketName));
        String path = http.path();
        if (config.redirectAllRequestsToHost().isPresent()) {
            String protocol = config.redirectProtocol().orElse("http");
            return HttpResponse.status(301)
                    .header("Location", protocol + "://" + config.redirectAllRequestsToHost().get() + path);
        }
        String index = config.indexDocumentSuffix().orElse("index.html");
        String key = path.startsWith("/") ? path.substring(1) : path;
        if (key.isEmpty() || key.endsWith("/")) {
            key = key + index;
        }
        StoredObject o = b.objects.get(key);
        if (o == null && !path.endsWith("/") && b.objects.containsKey(key + "/" + index)) {
            return HttpResponse.status(302).header("Location", "/" + key + "/");
        }
        if (o == null) {
            return notFound(b, config, key, http, requestId);
        }
        String redirect = o.headers().get("x-amz-website-redirect-location");
        if (redirect != null) {
            return HttpResponse.status(301).header("Location", redirect);
        }
        return ObjectActions.serve(o, http, head);
    }

    private HttpResponse notFound(Bucket b, WebsiteConfiguration config, String key, HttpRequest http, String requestId) {
        Map<String, String> details = Map.of("Key", key);
        if (config.errorDocumentKey().isEmpty()) {
            return errorPage(404, "NoSuchKey", "The specified key does not exist.", details, requestId, Optional.empty());
        }
        StoredObject error = b.objects.get(config.errorDocumentKey().get());
        if (error == null) {
            return errorPage(404, "NoSuchKey", "The specified key does not exist.", details, requestId,
                    config.errorDocumentKey());
        }
        HttpResponse response = HttpResponse.status(404);
        ObjectActions.metadataHeaders(error, response);
        if (http.method().equals("HEAD")) {
            return response.header("Content-Length", Long.toString(error.size()));
        }
        return response.body(error.blob().readAll());
    }

    /** S3's HTML error page; with a missing error document it says so, as S3 does. */
    static HttpResponse errorPage(int status, String code, String message, Map<String, String> details,
            String requestId, Optional<String> missingErrorDocument) {
        String title = status + " " + reason(status);
        StringBuilder html = new StringBuilder("<html>\n<head><title>").append(title).append("</title></head>\n<body>\n<h1>")
                .append(title).append("</h1>\n<ul>\n<li>Code: ").append(escape(code)).append("</li>\n<li>Message: ")
                .append(escape(message)).append("</li>\n");
        Map<String, String> shown = new LinkedHashMap<>(details);
        shown.remove("Method");
        shown.remove("ResourceType");
        shown.forEach((k, v) -> html.append("<li>").append(escape(k)).append(": ").append(escape(v)).append("</li>\n"));
        html.append("<li>RequestId: ").append(requestId).append("</li>\n<li>HostId: ")
                .append(S3Handler.hostId(requestId)).append("</li>\n</ul>\n");
        missingErrorDocument.ifPresent(doc -> html.append(
                "<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n<ul>\n"
                        + "<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: ")
                .append(escape(doc)).append("</li>\n</ul>\n"));
        html.append("<hr/>\n</body>\n</html>\n");
        return HttpResponse.status(status).header("Content-Type", "text/html; charset=utf-8")
                .header("x-amz-request-id", requestId).header("x-amz-error-code", code)
                .header("x-amz-error-message", message).body(html.toString());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 412 -> "Precondition Failed";
            case 416 -> "Requested Range Not Satisfiable";
            default -> "Error";
        };
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
