package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The 50 MB limit applies to Code.ZipFile (the request's size), not to code taken from S3, which is
 * limited by its unzipped size only (Lambda quotas page and AccountLimit.CodeSizeZipped, read 2026-11-26).
 */
class CodeSizeTest {
    /** Just over 50 MB, stored uncompressed so the zip itself crosses the limit. */
    static final byte[] BIG_ZIP = storedZip(50 * 1024 * 1024 + 1);

    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false).objectReader(CodeSizeTest::open));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Optional<InputStream> open(String bucket, String key) {
        return key.equals("big.zip") ? Optional.of(new ByteArrayInputStream(BIG_ZIP)) : Optional.empty();
    }

    static byte[] storedZip(int size) {
        try {
            byte[] data = new byte[size];
            CRC32 crc = new CRC32();
            crc.update(data);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(size + 1024);
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                ZipEntry e = new ZipEntry("data.bin");
                e.setMethod(ZipEntry.STORED);
                e.setSize(size);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CreateFunctionRequest.Builder function(String name) {
        return CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda").handler("example.Handler");
    }

    /** The AWS CLI prints it as "An error occurred (RequestEntityTooLargeException) when calling the CreateFunction operation: …". */
    @Test
    void zipFileOver50MB_isRefusedAsLambdaRefusesTheRequest() {
        assertThatThrownBy(() -> fx.client.createFunction(function("cs-direct")
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(BIG_ZIP)).build()).build()))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Request must be smaller than 69905067 bytes for the CreateFunction operation");
                });
    }

    @Test
    void zipOver50MB_fromS3_isAccepted() {
        var r = fx.client.createFunction(function("cs-s3")
                .code(FunctionCode.builder().s3Bucket("code").s3Key("big.zip").build()).build());
        assertThat(r.codeSize()).isEqualTo(BIG_ZIP.length);
    }
}
