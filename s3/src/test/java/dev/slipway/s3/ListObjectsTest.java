package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class ListObjectsTest {
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void objects() {
        f.s3.createBucket(b -> b.bucket("list"));
        for (String key : List.of("a.txt", "docs/1.md", "docs/2.md", "docs/sub/3.md", "img/x.png", "z z+.txt")) {
            f.s3.putObject(b -> b.bucket("list").key(key), RequestBody.fromString(key));
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listV2_withPrefixAndDelimiter_groupsCommonPrefixes() {
        ListObjectsV2Response root = f.s3.listObjectsV2(b -> b.bucket("list").delimiter("/"));
        assertThat(root.contents()).extracting(S3Object::key).containsExactly("a.txt", "z z+.txt");
        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("docs/", "img/");
        assertThat(root.keyCount()).isEqualTo(4);
        ListObjectsV2Response docs = f.s3.listObjectsV2(b -> b.bucket("list").prefix("docs/").delimiter("/"));
        assertThat(docs.contents()).extracting(S3Object::key).containsExactly("docs/1.md", "docs/2.md");
        assertThat(docs.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("docs/sub/");
        assertThat(docs.contents().get(0).size()).isEqualTo(9);
        assertThat(docs.contents().get(0).eTag()).startsWith("\"");
    }

    @Test
    void listV2_pages_withContinuationTokens_visitEveryKeyOnce() {
        List<String> keys = f.s3.listObjectsV2Paginator(b -> b.bucket("list").maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).containsExactly("a.txt", "docs/1.md", "docs/2.md", "docs/sub/3.md", "img/x.png", "z z+.txt");
        ListObjectsV2Response first = f.s3.listObjectsV2(b -> b.bucket("list").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextContinuationToken()).isNotBlank();
    }

    @Test
    void listV2_pagesOverCommonPrefixes_doNotRepeatThem() {
        List<String> seen = new java.util.ArrayList<>();
        f.s3.listObjectsV2Paginator(b -> b.bucket("list").delimiter("/").maxKeys(1)).forEach(page -> {
            page.contents().forEach(o -> seen.add(o.key()));
            page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
        });
        assertThat(seen).containsExactly("a.txt", "docs/", "img/", "z z+.txt");
    }

    @Test
    void listV2_startAfter_skipsKeys() {
        assertThat(f.s3.listObjectsV2(b -> b.bucket("list").startAfter("docs/2.md")).contents())
                .extracting(S3Object::key).containsExactly("docs/sub/3.md", "img/x.png", "z z+.txt");
    }

    @Test
    void listV2_withUrlEncoding_returnsKeysTheSdkDecodes() throws Exception {
        ListObjectsV2Response r = f.s3.listObjectsV2(b -> b.bucket("list").prefix("z").encodingType(EncodingType.URL));
        assertThat(r.contents()).extracting(S3Object::key).containsExactly("z z+.txt");
        assertThat(RawHttp.get(f.port(), "127.0.0.1", "/list?list-type=2&prefix=z&encoding-type=url").text())
                .contains("<Key>z+z%2B.txt</Key>", "<EncodingType>url</EncodingType>");
    }

    @Test
    void listV1_withMarkerAndDelimiter_pages() {
        ListObjectsResponse page = f.s3.listObjects(b -> b.bucket("list").delimiter("/").maxKeys(2));
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextMarker()).isEqualTo("docs/");
        ListObjectsResponse next = f.s3.listObjects(b -> b.bucket("list").delimiter("/").marker(page.nextMarker()));
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("z z+.txt");
        assertThat(next.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("img/");
    }

    @Test
    void listV2_maxKeysAbove1000_isCapped_andBadTokenFails() throws Exception {
        IntStream.range(0, 3).forEach(i -> f.s3.putObject(b -> b.bucket("list").key("n" + i), RequestBody.fromString("")));
        assertThat(f.s3.listObjectsV2(b -> b.bucket("list").maxKeys(5000)).maxKeys()).isEqualTo(1000);
        assertThatThrownBy(() -> f.s3.listObjectsV2(b -> b.bucket("list").continuationToken("garbage!")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The continuation token provided is incorrect");
                });
    }

    @Test
    void listObjectVersions_ofAnUnversionedBucket_listsEachObjectAsVersionNull() {
        var versions = f.s3.listObjectVersions(b -> b.bucket("list").prefix("docs/")).versions();
        assertThat(versions).extracting(v -> v.key()).containsExactly("docs/1.md", "docs/2.md", "docs/sub/3.md");
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.versionId()).isEqualTo("null");
            assertThat(v.isLatest()).isTrue();
        });
    }
}
