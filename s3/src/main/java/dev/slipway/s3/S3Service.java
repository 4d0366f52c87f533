package dev.slipway.s3;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.SigV4;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.ObjectReader;
import dev.slipway.protocol.spi.ResourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The local cloud's S3: buckets, objects, multipart uploads, bucket policies and website hosting.
 * A Java API with one method per action (failures are {@link S3Exception}s with S3's codes), the
 * REST-XML wire handler over the same state, and the adapters other modules use
 * ({@link #asCloudService()}, {@link #asObjectReader()}, {@link #serveWebsite}).
 *
 * <pre>{@code
 * S3Service s3 = S3Service.builder().dataDir(Optional.of(dir.resolve("s3"))).build();
 * HttpServer.start("s3", 0, s3.handler());
 * }</pre>
 */
public final class S3Service implements AutoCloseable {
    private final ObjectStore store;
    private final BucketActions buckets;
    private final ObjectActions objects;
    private final ListActions lists;
    private final MultipartActions multipart;
    private final WebsiteHosting website;
    private final S3Handler handler;
    private final UnaryOperator<String> websiteUrl;

    private S3Service(Builder b) {
        this.store = new ObjectStore(b.dataDir.map(Disk::new), b.clock, b.region);
        this.buckets = new BucketActions(store);
        this.objects = new ObjectActions(store);
        this.lists = new ListActions(store);
        this.multipart = new MultipartActions(store);
        this.website = new WebsiteHosting(store);
        this.handler = new S3Handler(buckets, objects, lists, multipart, website);
        String region = b.region;
        this.websiteUrl = b.websiteUrl.orElse(name -> "http://" + name + ".s3-website-" + region + ".amazonaws.com");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration; every setting has a default (in memory, us-east-1, the system clock). */
    public static final class Builder {
        private Optional<Path> dataDir = Optional.empty();
        private String region = AwsDefaults.REGION;
        private Clock clock = Clock.systemUTC();
        private Optional<UnaryOperator<String>> websiteUrl = Optional.empty();

        private Builder() {}

        /** This service's own directory (e.g. {@code <cloud data dir>/s3}); empty keeps everything in memory. */
        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * The WebsiteURL attribute of AWS::S3::Bucket for a bucket name, e.g.
         * {@code name -> "http://" + name + ".s3-website.localhost:4566"}; AWS's URL by default.
         */
        public Builder websiteUrl(UnaryOperator<String> websiteUrl) {
            this.websiteUrl = Optional.of(websiteUrl);
            return this;
        }

        public S3Service build() {
            return new S3Service(this);
        }
    }

    // ---- buckets

    /** CreateBucket in the service's region. Re-creating an owned bucket succeeds in us-east-1, as on AWS. */
    public void createBucket(String bucket) {
        buckets.create(bucket, Optional.empty());
    }

    public void createBucket(String bucket, Optional<String> locationConstraint) {
        buckets.create(bucket, locationConstraint);
    }

    public boolean bucketExists(String bucket) {
        return store.find(bucket).isPresent();
    }

    /** DeleteBucket: fails with BucketNotEmpty while it holds objects; uploads in progress are discarded with it. */
    public void deleteBucket(String bucket) {
        store.deleteBucket(bucket);
    }

    public List<String> listBuckets() {
        return store.buckets().stream().map(b -> b.name).toList();
    }

    /** Deletes every object and multipart upload of the bucket (what {@code slipway remove} does first); returns the object count. */
    public int emptyBucket(String bucket) {
        Bucket b = store.bucket(bucket);
        for (String uploadId : new ArrayList<>(b.uploads.keySet())) {
            MultipartUpload u = b.uploads.get(uploadId);
            if (u != null) {
                multipart.abort(bucket, u.key, uploadId);
            }
        }
        int count = 0;
        for (String key : new ArrayList<>(b.objects.keySet())) {
            if (store.delete(b, key).isPresent()) {
                count++;
            }
        }
        return count;
    }

    public void putBucketPolicy(String bucket, String policyJson) {
        buckets.putPolicy(bucket, policyJson);
    }

    public Optional<String> getBucketPolicy(String bucket) {
        return store.bucket(bucket).policy;
    }

    public void deleteBucketPolicy(String bucket) {
        Bucket b = store.bucket(bucket);
        b.policy = Optional.empty();
        store.saveBucket(b);
    }

    public void putBucketWebsite(String bucket, WebsiteConfiguration configuration) {
        buckets.putWebsite(bucket, configuration);
    }

    public Optional<WebsiteConfiguration> getBucketWebsite(String bucket) {
        return store.bucket(bucket).website;
    }

    public void deleteBucketWebsite(String bucket) {
        Bucket b = store.bucket(bucket);
        if (b.website.isPresent()) {
            b.website = Optional.empty();
            store.saveBucket(b);
        }
    }

    // ---- objects

    public ObjectInfo putObject(String bucket, String key, byte[] content) {
        return putObject(bucket, key, content, "binary/octet-stream", Map.of());
    }

    public ObjectInfo putObject(String bucket, String key, byte[] content, String contentType,
            Map<String, String> userMetadata) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return objects.put(bucket, key, content, headers, Map.copyOf(userMetadata), Map.of()).info(bucket);
    }

    /** GetObject's content; NoSuchBucket or NoSuchKey when missing. */
    public byte[] getObject(String bucket, String key) {
        return store.object(store.bucket(bucket), key).blob().readAll();
    }

    /** HeadObject; empty when the key does not exist (NoSuchBucket when the bucket does not). */
    public Optional<ObjectInfo> headObject(String bucket, String key) {
        return Optional.ofNullable(store.bucket(bucket).objects.get(key)).map(o -> o.info(bucket));
    }

    public void deleteObject(String bucket, String key) {
        store.delete(store.bucket(bucket), key);
    }

    public ObjectInfo copyObject(String sourceBucket, String sourceKey, String bucket, String key) {
        return objects.copy(sourceBucket, sourceKey, bucket, key, Optional.empty(), Optional.empty()).info(bucket);
    }

    /** ListObjectsV2 (at most 1,000 entries a page). */
    public ListObjectsResult listObjects(String bucket, String prefix, Optional<String> delimiter, int maxKeys,
            Optional<String> startAfter) {
        ListActions.Page page = lists.list(bucket, prefix, delimiter.orElse(""), Math.min(maxKeys, Limits.MAX_KEYS),
                startAfter.orElse(null));
        return new ListObjectsResult(page.contents().stream().map(o -> o.info(bucket)).toList(),
                page.commonPrefixes(), page.truncated(),
                page.truncated() ? Optional.of(page.last()) : Optional.empty());
    }

    // ---- multipart

    public String createMultipartUpload(String bucket, String key, String contentType) {
        return multipart.create(bucket, key, new LinkedHashMap<>(Map.of("Content-Type", contentType)), Map.of(), null)
                .uploadId;
    }

    /** UploadPart; returns the part's ETag. */
    public String uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] content) {
        return multipart.uploadPart(bucket, key, uploadId, partNumber, content, Map.of()).eTag();
    }

    public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletedPart> parts) {
        return multipart.complete(bucket, key, uploadId, parts).info(bucket);
    }

    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        multipart.abort(bucket, key, uploadId);
    }

    // ---- adapters

    /** The REST-XML handler (path-style and virtual-host-style addressing, website endpoints by Host). */
    public HttpHandler handler() {
        return handler;
    }

    /** Answers a website-endpoint request for the bucket as S3 website hosting does (index, error document, 404 page). */
    public HttpResponse serveWebsite(String bucket, HttpRequest request) {
        return website.serve(bucket, request, S3Handler.newRequestId());
    }

    public ObjectReader asObjectReader() {
        return (bucket, key) -> {
            Optional<Bucket> b = store.find(bucket);
            if (b.isEmpty()) {
                return Optional.empty();
            }
            StoredObject o = b.get().objects.get(key);
            return o == null ? Optional.empty() : Optional.of(o.blob().open());
        };
    }

    public List<ResourceProvider> resourceProviders() {
        return List.of(new BucketProvider(this, websiteUrl), new BucketPolicyProvider(this));
    }

    public CloudService asCloudService() {
        S3Service self = this;
        return new CloudService() {
            @Override
            public String name() {
                return "s3";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("s3");
            }

            @Override
            public HttpHandler handler() {
                return handler;
            }

            @Override
            public boolean claimsUnsigned(HttpRequest request) {
                return self.claimsUnsigned(request);
            }

            @Override
            public List<ResourceProvider> resourceProviders() {
                return self.resourceProviders();
            }
        };
    }

    /**
     * Unsigned requests S3 answers: website endpoints, virtual-host-style S3 hosts, and anonymous
     * path-style GET/HEAD of an existing bucket (a public-read object, a browser fetching an artifact).
     */
    boolean claimsUnsigned(HttpRequest request) {
        if (S3Handler.websiteBucket(request).isPresent()) {
            return true;
        }
        String host = S3Handler.hostWithoutPort(request);
        if (host.contains(".s3.") || host.endsWith(".s3.localhost")) {
            return true;
        }
        if (SigV4.scope(request).isPresent()) {
            return false;
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return false;
        }
        String path = request.path();
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        return !first.isEmpty() && bucketExists(first);
    }

    @Override
    public void close() {}
}
