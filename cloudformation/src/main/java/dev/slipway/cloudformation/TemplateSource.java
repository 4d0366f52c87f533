package dev.slipway.cloudformation;

import dev.slipway.protocol.spi.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a template from a request: its TemplateBody, or the local S3 object its TemplateURL names. */
final class TemplateSource {
    private final ObjectReader objects;

    TemplateSource(ObjectReader objects) {
        this.objects = objects;
    }

    String read(Optional<String> body, Optional<String> url) {
        if (body.isPresent() && url.isPresent()) {
            throw ValidationError.bothTemplates();
        }
        if (body.isPresent()) {
            return body.get();
        }
        if (url.isEmpty()) {
            throw ValidationError.templateRequired();
        }
        String[] bucketAndKey = bucketAndKey(url.get());
        try {
            Optional<InputStream> in = objects.open(bucketAndKey[0], bucketAndKey[1]);
            if (in.isEmpty()) {
                throw ValidationError.templateUrlUnreadable(url.get());
            }
            try (InputStream stream = in.get()) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw ValidationError.templateUrlUnreadable(url.get());
        }
    }

    /**
     * Path style ({@code http://host:port/bucket/key}, {@code https://s3.amazonaws.com/bucket/key}) or
     * virtual-host style ({@code https://bucket.s3.amazonaws.com/key}, {@code …s3.us-east-1.amazonaws.com}).
     */
    static String[] bucketAndKey(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ValidationError.templateUrl(url);
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int s3 = host.indexOf(".s3.");
        if (s3 < 0 && host.endsWith(".s3-website-us-east-1.amazonaws.com")) {
            s3 = host.indexOf(".s3-");
        }
        if (s3 > 0 && !path.isEmpty()) {
            return new String[] {host.substring(0, s3), path};
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw ValidationError.templateUrl(url);
        }
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }
}
