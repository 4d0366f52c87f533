package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first worker of a function version trains an AppCDS archive; later workers start from it. */
class AppCdsTest {
    @TempDir
    Path cache;

    @Test
    void firstWorkerWritesAnArchive_whichTheNextColdStartUses() throws Exception {
        byte[] zip = TestFunctions.zip(false);
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).forceColdStart(true).build()) {
            lambda.createFunction(CreateFunctionRequest.of("greeter", "java21", "dev.slipway.lambda.testfn.Greeter",
                    FunctionCode.zip(zip)).withMemoryAndTimeout(256, 10));
            assertThat(lambda.invoke(InvokeRequest.of("greeter", "{\"name\":\"a\"}")).payloadAsString())
                    .isEqualTo("{\"greeting\":\"Hello, a\"}");
        }
        assertThat(archives()).as("written when the training worker stopped").hasSize(1);
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).build()) {
            lambda.createFunction(CreateFunctionRequest.of("greeter", "java21", "dev.slipway.lambda.testfn.Greeter",
                    FunctionCode.zip(zip)).withMemoryAndTimeout(256, 10));
            InvokeResponse r = lambda.invoke(InvokeRequest.of("greeter", "{\"name\":\"b\"}").withLogType("Tail"));
            assertThat(r.payloadAsString()).isEqualTo("{\"greeting\":\"Hello, b\"}");
            assertThat(InvokeTest.decode(r.logResult().orElseThrow())).doesNotContain("warning").doesNotContain("cds");
        }
        assertThat(archives()).hasSize(1);
    }

    @Test
    void aNewArchiveEvictsTheLeastRecentlyUsed_soTheCacheStaysBounded() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("cds"));
        long old = System.currentTimeMillis() - 3_600_000;
        for (int i = 0; i < WorkerLauncher.CACHED_ARCHIVES + 8; i++) {
            Path stale = Files.write(dir.resolve("old-" + i + ".jsa"), new byte[] {1});
            Files.setLastModifiedTime(stale, FileTime.fromMillis(old + i));
        }
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).forceColdStart(true).build()) {
            lambda.createFunction(CreateFunctionRequest.of("greeter", "java21", "dev.slipway.lambda.testfn.Greeter",
                    FunctionCode.zip(TestFunctions.zip(false))).withMemoryAndTimeout(256, 10));
            lambda.invoke(InvokeRequest.of("greeter", "{\"name\":\"a\"}"));
        }
        Path[] left = archives();
        assertThat(left).hasSize(WorkerLauncher.CACHED_ARCHIVES);
        assertThat(left).anyMatch(p -> p.getFileName().toString().startsWith("greeter-"));
        assertThat(left).noneMatch(p -> p.getFileName().toString().equals("old-0.jsa"));
    }

    private Path[] archives() throws Exception {
        try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toArray(Path[]::new);
        }
    }
}
