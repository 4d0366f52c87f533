package dev.slipway.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TemplateURL forms that name an object of the local S3. */
class TemplateSourceTest {
    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:4566/deploy-bucket/app/template.json, deploy-bucket, app/template.json",
        "https://s3.amazonaws.com/deploy-bucket/t.yaml, deploy-bucket, t.yaml",
        "https://s3.us-east-1.amazonaws.com/deploy-bucket/a/b.yaml, deploy-bucket, a/b.yaml",
        "https://deploy-bucket.s3.amazonaws.com/a/b.yaml, deploy-bucket, a/b.yaml",
        "https://deploy-bucket.s3.eu-west-1.amazonaws.com/k, deploy-bucket, k",
    })
    void templateUrl_namesBucketAndKey(String url, String bucket, String key) {
        assertThat(TemplateSource.bucketAndKey(url)).containsExactly(bucket, key);
    }

    @ParameterizedTest
    @CsvSource({"https://example.com/", "not a url", "http://127.0.0.1:4566/only-bucket/"})
    void urlWithoutBucketAndKey_isAValidationError(String url) {
        assertThatThrownBy(() -> TemplateSource.bucketAndKey(url)).isInstanceOf(ValidationError.class)
                .hasMessage("TemplateURL must be a supported URL.");
    }
}
