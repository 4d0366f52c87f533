package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class BucketsTest {
    private final S3Fixture f = new S3Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createHeadListDelete_roundTrip() {
        f.s3.createBucket(b -> b.bucket("alpha"));
        f.s3.createBucket(b -> b.bucket("beta"));
        assertThat(f.s3.headBucket(b -> b.bucket("alpha")).bucketRegion()).isEqualTo("us-east-1");
        assertThat(f.s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("alpha", "beta");
        f.s3.deleteBucket(b -> b.bucket("alpha"));
        assertThat(f.s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("beta");
    }

    @Test
    void createBucket_twiceInUsEast1_succeedsAsAwsLegacyBehaviour() {
        // AWS CreateBucket docs: in us-east-1 re-creating a bucket you own returns 200 OK.
        f.s3.createBucket(b -> b.bucket("again"));
        f.s3.createBucket(b -> b.bucket("again"));
        assertThat(f.s3.listBuckets().buckets()).hasSize(1);
    }

    @Test
    void createBucket_twiceOutsideUsEast1_failsWithBucketAlreadyOwnedByYou() {
        try (S3Fixture eu = new S3Fixture(S3Service.builder().region("eu-west-1").build())) {
            eu.s3.createBucket(b -> b.bucket("again").createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
            assertThatThrownBy(() -> eu.s3.createBucket(b -> b.bucket("again")))
                    .isInstanceOf(BucketAlreadyOwnedByYouException.class)
                    .hasMessageStartingWith("Your previous request to create the named bucket succeeded and you already own it.");
            assertThat(eu.s3.getBucketLocation(b -> b.bucket("again")).locationConstraintAsString()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void getBucketLocation_ofUsEast1Bucket_isEmpty() {
        f.s3.createBucket(b -> b.bucket("loc"));
        assertThat(f.s3.getBucketLocation(b -> b.bucket("loc")).locationConstraintAsString()).isNullOrEmpty();
    }

    @Test
    void createBucket_withInvalidName_failsWithInvalidBucketName() throws Exception {
        // The SDK rejects most bad names itself; the wire answer is what the CLI and other SDKs see.
        for (String name : new String[] {"UPPER", "ab", "a..b", "192.168.1.1", "-dash", "under_score"}) {
            RawHttp.Response r = RawHttp.send(f.port(), "PUT", "/" + name, java.util.Map.of(), new byte[0]);
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.text()).contains("<Code>InvalidBucketName</Code>",
                    "<Message>The specified bucket is not valid.</Message>", "<BucketName>" + name + "</BucketName>");
        }
    }

    @Test
    void createBucket_withUnknownLocation_failsWithInvalidLocationConstraint() {
        assertThatThrownBy(() -> f.s3.createBucket(b -> b.bucket("loc2")
                .createBucketConfiguration(c -> c.locationConstraint("mars-north-1"))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLocationConstraint"));
    }

    @Test
    void deleteBucket_holdingObjects_failsWithBucketNotEmpty() {
        f.s3.createBucket(b -> b.bucket("full"));
        f.s3.putObject(b -> b.bucket("full").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> f.s3.deleteBucket(b -> b.bucket("full")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket you tried to delete is not empty");
                });
    }

    @Test
    void missingBucket_failsWithNoSuchBucket_andXmlNamesResourceAndRequestId() throws Exception {
        assertThatThrownBy(() -> f.s3.listObjectsV2(b -> b.bucket("nope")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
        RawHttp.Response raw = RawHttp.get(f.port(), "127.0.0.1", "/nope/some/key");
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.text()).contains("<Code>NoSuchBucket</Code>", "<BucketName>nope</BucketName>",
                "<Resource>/nope/some/key</Resource>", "<RequestId>" + raw.header("x-amz-request-id") + "</RequestId>");
    }

    @Test
    void headBucket_missing_is404WithoutBody() {
        assertThatThrownBy(() -> f.s3.headBucket(b -> b.bucket("nope")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void bucketPolicy_isStoredReturnedAndDeleted() {
        f.s3.createBucket(b -> b.bucket("pol"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::pol/*\"}]}";
        f.s3.putBucketPolicy(b -> b.bucket("pol").policy(policy));
        assertThat(f.s3.getBucketPolicy(b -> b.bucket("pol")).policy()).isEqualTo(policy);
        f.s3.deleteBucketPolicy(b -> b.bucket("pol"));
        assertThatThrownBy(() -> f.s3.getBucketPolicy(b -> b.bucket("pol")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket policy does not exist");
                });
    }

    @Test
    void putBucketPolicy_notJson_failsWithMalformedPolicy() {
        f.s3.createBucket(b -> b.bucket("pol"));
        assertThatThrownBy(() -> f.s3.putBucketPolicy(b -> b.bucket("pol").policy("not json")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy"));
    }

    @Test
    void unsupportedSubresource_answersNotImplementedNamingTheAction() {
        f.s3.createBucket(b -> b.bucket("cors"));
        assertThatThrownBy(() -> f.s3.putBucketCors(b -> b.bucket("cors").corsConfiguration(c -> c.corsRules(
                r -> r.allowedMethods("GET").allowedOrigins("*")))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("PutBucketCors");
                });
    }

    @Test
    void configurationReads_answerWhatS3AnswersForANewBucket() {
        f.s3.createBucket(b -> b.bucket("fresh"));
        assertThat(f.s3.getBucketVersioning(b -> b.bucket("fresh")).status()).isNull();
        assertThat(f.s3.getBucketEncryption(b -> b.bucket("fresh")).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256");
        assertThat(f.s3.getPublicAccessBlock(b -> b.bucket("fresh")).publicAccessBlockConfiguration().blockPublicAcls())
                .isTrue();
        assertThat(f.s3.getBucketAcl(b -> b.bucket("fresh")).grants()).extracting(g -> g.permissionAsString())
                .containsExactly("FULL_CONTROL");
        assertThatThrownBy(() -> f.s3.getBucketTagging(b -> b.bucket("fresh")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The TagSet does not exist");
                });
        assertThatThrownBy(() -> f.s3.getBucketVersioning(b -> b.bucket("ghost-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void listBuckets_pagesWithMaxBucketsAndFiltersByPrefix() {
        for (String name : java.util.List.of("app-a", "app-b", "app-c", "other")) {
            f.s3.createBucket(b -> b.bucket(name));
        }
        assertThat(f.s3.listBucketsPaginator(b -> b.maxBuckets(2)).buckets()).extracting(b -> b.name())
                .containsExactly("app-a", "app-b", "app-c", "other");
        var page = f.s3.listBuckets(b -> b.maxBuckets(2));
        assertThat(page.buckets()).hasSize(2);
        assertThat(page.continuationToken()).isNotNull();
        assertThat(f.s3.listBuckets(b -> b.prefix("app-")).buckets()).extracting(b -> b.name())
                .containsExactly("app-a", "app-b", "app-c");
    }
}
