package dev.slipway.cli;

import dev.slipway.s3.S3Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a static site folder into a bucket, with the content types a browser needs for ES modules. */
final class SiteUploader {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private SiteUploader() {}

    /** Uploads every file under {@code site} to {@code bucket}; returns how many. */
    static int upload(S3Service s3, String bucket, Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            int[] count = {0};
            files.filter(Files::isRegularFile).forEach(f -> {
                String key = site.relativize(f).toString().replace('\\', '/');
                try {
                    s3.putObject(bucket, key, Files.readAllBytes(f), contentType(key), Map.of());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
            return count[0];
        } catch (IOException e) {
            throw new UserError("could not read the site folder " + site + ": " + e.getMessage(),
                    "check custom.slipway.site in serverless.yml");
        }
    }

    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
