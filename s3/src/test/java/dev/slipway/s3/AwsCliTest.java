package dev.slipway.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.protocol.AwsDefaults;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI against the server, as users run it ({@code aws s3 ...} and {@code aws s3api ...}). */
class AwsCliTest {
    private final S3Fixture f = new S3Fixture();
    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    @BeforeEach
    void cliPresent() {
        assumeTrue(Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "aws"))), "aws CLI not installed");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", f.server.url()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", tmp.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void mbCpLsSyncWebsiteRm_workAsAgainstAws() throws Exception {
        assertThat(aws("s3", "mb", "s3://cli-bucket").out()).contains("make_bucket: cli-bucket");

        byte[] big = new byte[9 * 1024 * 1024]; // above the CLI's 8 MB multipart threshold
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251);
        }
        Files.write(tmp.resolve("big.bin"), big);
        Result cp = aws("s3", "cp", "big.bin", "s3://cli-bucket/artifacts/big.bin");
        assertThat(cp.exit()).as(cp.err()).isZero();
        assertThat(Checksums.md5Hex(f.service.getObject("cli-bucket", "artifacts/big.bin"))).isEqualTo(Checksums.md5Hex(big));
        assertThat(f.service.headObject("cli-bucket", "artifacts/big.bin").orElseThrow().eTag()).endsWith("-2\"");

        Path site = Files.createDirectories(tmp.resolve("site/css"));
        Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>");
        Files.writeString(site.resolve("app.css"), "body{}");
        Result sync = aws("s3", "sync", "site", "s3://cli-bucket/web");
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(f.service.headObject("cli-bucket", "web/index.html").orElseThrow().contentType()).isEqualTo("text/html");
        assertThat(aws("s3", "sync", "site", "s3://cli-bucket/web").out()).as("nothing changed").isEmpty();

        Result ls = aws("s3", "ls", "s3://cli-bucket/", "--recursive");
        assertThat(ls.out()).contains("artifacts/big.bin", "web/index.html", "web/css/app.css");
        assertThat(aws("s3", "ls").out()).contains("cli-bucket");

        Result website = aws("s3", "website", "s3://cli-bucket", "--index-document", "index.html",
                "--error-document", "error.html");
        assertThat(website.exit()).as(website.err()).isZero();
        assertThat(f.service.getBucketWebsite("cli-bucket").orElseThrow().indexDocumentSuffix()).contains("index.html");

        Result download = aws("s3", "cp", "s3://cli-bucket/artifacts/big.bin", "back.bin");
        assertThat(download.exit()).as(download.err()).isZero();
        assertThat(Checksums.md5Hex(Files.readAllBytes(tmp.resolve("back.bin")))).isEqualTo(Checksums.md5Hex(big));

        Result copy = aws("s3", "cp", "s3://cli-bucket/artifacts/big.bin", "s3://cli-bucket/copies/big.bin");
        assertThat(copy.exit()).as("server-side multipart copy (UploadPartCopy): " + copy.err()).isZero();
        assertThat(Checksums.md5Hex(f.service.getObject("cli-bucket", "copies/big.bin"))).isEqualTo(Checksums.md5Hex(big));

        Result rm = aws("s3", "rm", "s3://cli-bucket", "--recursive");
        assertThat(rm.exit()).as(rm.err()).isZero();
        assertThat(aws("s3", "rb", "s3://cli-bucket").exit()).isZero();
        assertThat(f.service.bucketExists("cli-bucket")).isFalse();
    }

    @Test
    void s3apiErrors_carryS3sCodesAndMessages() throws Exception {
        aws("s3api", "create-bucket", "--bucket", "err-bucket");
        Result missing = aws("s3api", "get-object", "--bucket", "err-bucket", "--key", "nope", tmp.resolve("x").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("An error occurred (NoSuchKey) when calling the GetObject operation: "
                + "The specified key does not exist.");
        Result head = aws("s3api", "head-object", "--bucket", "err-bucket", "--key", "nope");
        assertThat(head.err()).contains("An error occurred (404) when calling the HeadObject operation: Not Found");
        aws("s3api", "put-object", "--bucket", "err-bucket", "--key", "k", "--body",
                Files.writeString(tmp.resolve("k"), "v", StandardCharsets.UTF_8).toString());
        Result notEmpty = aws("s3api", "delete-bucket", "--bucket", "err-bucket");
        assertThat(notEmpty.err()).contains("An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: "
                + "The bucket you tried to delete is not empty");
        Result noBucket = aws("s3api", "list-objects-v2", "--bucket", "no-such-bucket");
        assertThat(noBucket.err()).contains("An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: "
                + "The specified bucket does not exist");
    }
}
