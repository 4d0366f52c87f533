package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CodeSha256 of each version (Lambda's base64 SHA-256 of the artifact) is remembered per file
 * identity in .slipway/code-sha256, and never outlives a change of the file's bytes.
 */
class CodeSha256Test {
    @TempDir
    Path dir;

    private Path artifact;

    private JsonNode versionCodeSha() throws IOException {
        if (!Files.exists(dir.resolve("serverless.yml"))) {
            Files.writeString(dir.resolve("serverless.yml"), """
                    service: hashes
                    provider:
                      name: aws
                      runtime: java21
                    package:
                      artifact: app.jar
                    functions:
                      hello:
                        handler: a.B
                    """);
        }
        ServiceProject p = ServiceProject.load(dir, new LoadOptions(Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Map.of()));
        JsonNode resources = CloudFormationCompiler.compile(p.service(), new CompileOptions(Instant.EPOCH,
                Optional.empty())).template().path("Resources");
        for (JsonNode r : resources) {
            if (r.path("Type").asText().equals("AWS::Lambda::Version")) {
                return r.path("Properties").path("CodeSha256");
            }
        }
        throw new AssertionError("no version in " + resources);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void write(String content) throws IOException {
        artifact = dir.resolve("app.jar");
        Files.writeString(artifact, content);
    }

    @Test
    void versionCarriesTheSha256OfTheArtifact() throws Exception {
        write("first build");
        assertThat(versionCodeSha().asText()).isEqualTo(sha256("first build".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sameSizeRewriteWithTheOldModificationTime_isHashedAgain() throws Exception {
        write("build AAAA");
        FileTime mtime = Files.getLastModifiedTime(artifact);
        assertThat(versionCodeSha().asText()).isEqualTo(sha256("build AAAA".getBytes(StandardCharsets.UTF_8)));

        Files.writeString(artifact, "build BBBB"); // same size
        Files.setLastModifiedTime(artifact, mtime); // as `cp -p` or a fast rebuild within one clock tick

        assertThat(versionCodeSha().asText()).isEqualTo(sha256("build BBBB".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRememberedHashIsUsedForTheSameFile_andNotOnceTheFileChanged() throws Exception {
        write("remembered");
        String remembered = "R".repeat(43) + "=";
        Files.createDirectories(dir.resolve(".slipway"));
        Files.writeString(dir.resolve(".slipway").resolve(CodeSha256.CACHE_FILE),
                remembered + " " + CodeSha256.identity(artifact.toAbsolutePath().normalize()) + "\n");

        assertThat(versionCodeSha().asText()).isEqualTo(remembered);

        Files.writeString(artifact, "rebuilt!!!");
        assertThat(versionCodeSha().asText()).isEqualTo(sha256("rebuilt!!!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHashPrefetchedBeforeTheFileChanged_isNotUsed() throws Exception {
        write("before prefetch");
        versionCodeSha(); // writes serverless.yml, hashes once
        CodeSha256.prefetch(ServiceProject.load(dir, new LoadOptions(Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Map.of())).service());
        Files.writeString(artifact, "after the prefetch");

        assertThat(versionCodeSha().asText()).isEqualTo(sha256("after the prefetch".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingArtifactHashesNoBytes_andIsNotRemembered() throws Exception {
        Files.writeString(dir.resolve("serverless.yml"), """
                service: hashes
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: missing.jar
                functions:
                  hello:
                    handler: a.B
                """);
        assertThat(versionCodeSha().asText()).isEqualTo(sha256(new byte[0]));
        assertThat(dir.resolve(".slipway").resolve(CodeSha256.CACHE_FILE)).doesNotExist();
    }

    @Test
    void theNativeHash_isLambdasCodeSha256OfTheBytes() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(bytes);
        Path file = dir.resolve("big.jar");
        Files.write(file, bytes);

        assertThat(CodeSha256.sha256(file)).isEqualTo(sha256(bytes));
        assertThat(CodeSha256.javaSha256(file)).isEqualTo(sha256(bytes));
        String nativeSha = CodeSha256.nativeSha256(file);
        assertThat(nativeSha == null || nativeSha.equals(sha256(bytes)))
                .as("sha256sum's digest, or none where it is not installed: %s", nativeSha).isTrue();
    }

    @Test
    void aRememberedArtifactRewrittenBeforeTheServiceIsRead_isHashedAgainInTheBackground() throws Exception {
        write("first build");
        Files.createDirectories(dir.resolve(".slipway"));
        Files.writeString(dir.resolve(".slipway").resolve(CodeSha256.CACHE_FILE),
                "R".repeat(43) + "= " + CodeSha256.identity(artifact.toAbsolutePath().normalize()) + "\n");
        Files.writeString(artifact, "second build, a different size");

        CodeSha256.prefetchRemembered(dir);

        assertThat(CodeSha256.RUNNING).containsKey(artifact.toAbsolutePath().normalize());
        assertThat(versionCodeSha().asText())
                .isEqualTo(sha256("second build, a different size".getBytes(StandardCharsets.UTF_8)));
    }
}
