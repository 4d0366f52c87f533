package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class WebsiteTest {
    private final S3Fixture f = new S3Fixture();
    private String host;

    @BeforeEach
    void site() {
        host = "site.s3-website-us-east-1.localhost:" + f.port();
        f.s3.createBucket(b -> b.bucket("site"));
        put("index.html", "<h1>home</h1>", "text/html");
        put("docs/index.html", "<h1>docs</h1>", "text/html");
        put("app.js", "console.log(1)", "application/javascript");
        put("404.html", "<h1>missing</h1>", "text/html");
        f.s3.putBucketWebsite(b -> b.bucket("site").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(e -> e.key("404.html"))));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void put(String key, String body, String type) {
        f.s3.putObject(b -> b.bucket("site").key(key).contentType(type), RequestBody.fromString(body));
    }

    @Test
    void websiteConfiguration_roundTrips() {
        GetBucketWebsiteResponse w = f.s3.getBucketWebsite(b -> b.bucket("site"));
        assertThat(w.indexDocument().suffix()).isEqualTo("index.html");
        assertThat(w.errorDocument().key()).isEqualTo("404.html");
        f.s3.deleteBucketWebsite(b -> b.bucket("site"));
        assertThatThrownBy(() -> f.s3.getBucketWebsite(b -> b.bucket("site")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchWebsiteConfiguration");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The specified bucket does not have a website configuration");
                });
    }

    @Test
    void root_andDirectory_serveTheIndexDocument() throws Exception {
        RawHttp.Response root = RawHttp.get(f.port(), host, "/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.text()).isEqualTo("<h1>home</h1>");
        assertThat(root.header("Content-Type")).isEqualTo("text/html");
        assertThat(RawHttp.get(f.port(), host, "/docs/").text()).isEqualTo("<h1>docs</h1>");
        assertThat(RawHttp.get(f.port(), host, "/app.js").text()).isEqualTo("console.log(1)");
    }

    @Test
    void directoryWithoutSlash_redirectsToTheSlash() throws Exception {
        RawHttp.Response r = RawHttp.get(f.port(), host, "/docs");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("/docs/");
    }

    @Test
    void missingKey_servesTheErrorDocumentWith404() throws Exception {
        RawHttp.Response r = RawHttp.get(f.port(), "site.s3-website.localhost:" + f.port(), "/nope/deep");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo("<h1>missing</h1>");
    }

    @Test
    void missingErrorDocument_answersS3sHtml404Page() throws Exception {
        f.s3.deleteObject(b -> b.bucket("site").key("404.html"));
        RawHttp.Response r = RawHttp.get(f.port(), host, "/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.text()).contains("<h1>404 Not Found</h1>", "<li>Code: NoSuchKey</li>", "<li>Key: nope</li>",
                "An Error Occurred While Attempting to Retrieve a Custom Error Document");
    }

    @Test
    void bucketWithoutWebsiteConfiguration_answersNoSuchWebsiteConfigurationPage() throws Exception {
        f.s3.createBucket(b -> b.bucket("plain"));
        RawHttp.Response r = RawHttp.get(f.port(), "plain.s3-website.localhost", "/");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("<li>Code: NoSuchWebsiteConfiguration</li>", "<li>BucketName: plain</li>");
        assertThat(RawHttp.get(f.port(), "ghost.s3-website.localhost", "/").text()).contains("Code: NoSuchBucket");
    }

    @Test
    void post_isMethodNotAllowed() throws Exception {
        RawHttp.Response r = RawHttp.send(f.port(), "POST", "/", java.util.Map.of("Host", host), new byte[0]);
        assertThat(r.status()).isEqualTo(405);
    }

    @Test
    void serveWebsite_javaApi_answersLikeTheEndpoint_andConditionalGetGives304() {
        HttpResponse root = f.service.serveWebsite("site", new HttpRequest("GET", "/", "", new Headers(), null, null));
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.bodyAsString()).isEqualTo("<h1>home</h1>");
        String eTag = root.headers().get("ETag");
        HttpResponse again = f.service.serveWebsite("site",
                new HttpRequest("GET", "/", "", Headers.of("If-None-Match", eTag), null, null));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void cloudService_claimsWebsiteAndAnonymousBucketReads_only() {
        var cloud = f.service.asCloudService();
        assertThat(cloud.claimsUnsigned(new HttpRequest("GET", "/", "", Headers.of("Host", host), null, null))).isTrue();
        assertThat(cloud.claimsUnsigned(new HttpRequest("GET", "/site/app.js", "", Headers.of("Host", "127.0.0.1"), null, null)))
                .isTrue();
        assertThat(cloud.claimsUnsigned(new HttpRequest("GET", "/restapis/x", "", Headers.of("Host", "127.0.0.1"), null, null)))
                .isFalse();
        assertThat(cloud.claimsUnsigned(new HttpRequest("PUT", "/site/x", "", Headers.of("Host", "127.0.0.1"), null, null)))
                .isFalse();
        assertThat(cloud.name()).isEqualTo("s3");
        assertThat(cloud.signingNames()).containsExactly("s3");
    }
}
