package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import dev.slipway.protocol.spi.ResourceProvider.Request;
import dev.slipway.protocol.spi.ResourceProvider.Result;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private final S3Service s3 = S3Service.builder()
            .websiteUrl(name -> "http://" + name + ".s3-website.localhost:4566").build();

    private ResourceProvider provider(String type) {
        return s3.asCloudService().resourceProviders().stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow();
    }

    private static Request request(String logicalId, Optional<String> physicalId, ObjectNode props) {
        return new Request("my-Stack", "arn:aws:cloudformation:us-east-1:000000000000:stack/my-Stack/1", logicalId,
                physicalId, props, Optional.empty(), Map.of(), AwsDefaults.REGION, AwsDefaults.ACCOUNT_ID);
    }

    @Test
    void bucketWithoutName_getsCloudFormationsGeneratedName_andAttributes() throws Exception {
        Result r = provider("AWS::S3::Bucket").create(request("ServerlessDeploymentBucket", Optional.empty(), Json.object()));
        assertThat(r.physicalId()).matches("my-stack-serverlessdeploymentbucket-[a-z0-9]{12}");
        assertThat(s3.bucketExists(r.physicalId())).isTrue();
        assertThat(r.attributes().get("Arn").asText()).isEqualTo("arn:aws:s3:::" + r.physicalId());
        assertThat(r.attributes().get("DomainName").asText()).isEqualTo(r.physicalId() + ".s3.amazonaws.com");
        assertThat(r.attributes().get("RegionalDomainName").asText())
                .isEqualTo(r.physicalId() + ".s3.us-east-1.amazonaws.com");
        assertThat(r.attributes().get("WebsiteURL").asText())
                .isEqualTo("http://" + r.physicalId() + ".s3-website.localhost:4566");
    }

    @Test
    void generatedName_longStackAndLogicalId_fitsSixtyThreeCharacters() {
        String name = BucketProvider.generatedName("a-very-long-stack-name-that-goes-on-and-on-forever",
                "AnEvenLongerLogicalIdForTheBucketResource");
        assertThat(name.length()).isLessThanOrEqualTo(63);
        ObjectStore.validateBucketName(name);
    }

    @Test
    void namedBucketWithWebsite_isCreatedUpdatedAndDeleted() throws Exception {
        ResourceProvider p = provider("AWS::S3::Bucket");
        ObjectNode props = Json.object().put("BucketName", "spa-site");
        props.putObject("WebsiteConfiguration").put("IndexDocument", "index.html").put("ErrorDocument", "index.html");
        Result r = p.create(request("Site", Optional.empty(), props));
        assertThat(r.physicalId()).isEqualTo("spa-site");
        assertThat(s3.getBucketWebsite("spa-site").orElseThrow().indexDocumentSuffix()).contains("index.html");
        p.update(request("Site", Optional.of("spa-site"), Json.object().put("BucketName", "spa-site")));
        assertThat(s3.getBucketWebsite("spa-site")).isEmpty();
        p.delete(request("Site", Optional.of("spa-site"), props));
        assertThat(s3.bucketExists("spa-site")).isFalse();
        p.delete(request("Site", Optional.of("spa-site"), props)); // already gone: not an error
    }

    @Test
    void deletingANonEmptyBucket_failsWithBucketNotEmpty_asOnAws() throws Exception {
        ResourceProvider p = provider("AWS::S3::Bucket");
        Result r = p.create(request("Data", Optional.empty(), Json.object().put("BucketName", "has-data")));
        s3.putObject("has-data", "k", "v".getBytes());
        assertThatThrownBy(() -> p.delete(request("Data", Optional.of(r.physicalId()), Json.object())))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("BucketNotEmpty");
                    assertThat(e.getMessage()).isEqualTo("The bucket you tried to delete is not empty");
                });
    }

    @Test
    void existingBucketName_failsTheResourceWithAlreadyExists() throws Exception {
        s3.createBucket("taken");
        assertThatThrownBy(() -> provider("AWS::S3::Bucket")
                .create(request("B", Optional.empty(), Json.object().put("BucketName", "taken"))))
                .hasMessage("taken already exists");
    }

    @Test
    void bucketPolicy_isPutAndRemoved() throws Exception {
        s3.createBucket("pol-bucket");
        ObjectNode props = Json.object().put("Bucket", "pol-bucket");
        props.putObject("PolicyDocument").put("Version", "2012-10-17").putArray("Statement").addObject().put("Effect", "Allow");
        ResourceProvider p = provider("AWS::S3::BucketPolicy");
        Result r = p.create(request("Policy", Optional.empty(), props));
        assertThat(r.physicalId()).isEqualTo("pol-bucket");
        assertThat(s3.getBucketPolicy("pol-bucket").orElseThrow()).contains("\"Effect\":\"Allow\"");
        p.delete(request("Policy", Optional.of("pol-bucket"), props));
        assertThat(s3.getBucketPolicy("pol-bucket")).isEmpty();
    }
}
