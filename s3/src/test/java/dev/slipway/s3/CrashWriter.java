package dev.slipway.s3;

import java.nio.file.Path;
import java.util.Optional;

/** Child process of {@link CrashDurabilityTest}: writes objects forever, printing each acknowledged key. */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        S3Service s3 = S3Service.builder().dataDir(Optional.of(Path.of(args[0]))).build();
        if (!s3.bucketExists("crash")) {
            s3.createBucket("crash");
        }
        for (int i = 0; ; i++) {
            String key = "k" + (i % 40);
            s3.putObject("crash", key, CrashDurabilityTest.content(i));
            System.out.println("acked " + key + " " + i);
            System.out.flush();
        }
    }
}
