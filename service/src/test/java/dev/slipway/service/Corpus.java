package dev.slipway.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The corpus under src/test/resources/services: one folder per case with serverless.yml and,
 * optionally, options.properties (stage=, region=, opt.NAME=, env.NAME=), expected-template.json
 * (from `sls package`, see src/test/sls-expected.sh), expected-resolved.json and
 * expected-problems.txt.
 */
final class Corpus {
    static final Instant TIMESTAMP = Instant.parse("2026-11-26T12:00:00Z");

    private Corpus() {}

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/services").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path dir(String name) {
        return root().resolve(name);
    }

    static List<Path> cases() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadOptions options(Path dir) {
        Properties p = new Properties();
        Path f = dir.resolve("options.properties");
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> opts = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("opt.")) {
                opts.put(k.substring(4), p.getProperty(k));
            } else if (k.startsWith("env.")) {
                env.put(k.substring(4), p.getProperty(k));
            }
        }
        return new LoadOptions(p.getProperty("stage"), p.getProperty("region"), opts, Optional.empty(), env);
    }

    static ServiceProject load(String name) {
        Path dir = dir(name);
        return ServiceProject.load(dir, options(dir));
    }

    /** Slipway's template: the Framework's plus the release aliases. */
    static CompileOptions compileOptions() {
        return new CompileOptions(TIMESTAMP, Optional.empty());
    }

    /** The Framework's own template, as `sls package` writes it (expected-template.json). */
    static CompileOptions frameworkOptions() {
        return compileOptions().withoutReleaseAlias();
    }
}
