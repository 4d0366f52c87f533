package dev.slipway.protocol;

import dev.slipway.protocol.http.HttpRequest;
import java.util.Optional;

/**
 * Reads the credential scope of a SigV4-signed request ({@code Authorization: AWS4-HMAC-SHA256
 * Credential=AKID/20240101/us-east-1/dynamodb/aws4_request, ...} or the presigned
 * {@code X-Amz-Credential} query parameter). The edge router picks a service by the scope's
 * service name, as AWS's own endpoints are chosen by it.
 */
public final class SigV4 {
    private SigV4() {}

    /** The scope of a signed request. */
    public record CredentialScope(String accessKeyId, String date, String region, String service) {}

    public static Optional<CredentialScope> scope(HttpRequest request) {
        String auth = request.headers().get("Authorization");
        String credential = null;
        if (auth != null && auth.startsWith("AWS4-HMAC-SHA256")) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                int end = auth.indexOf(',', i);
                credential = auth.substring(i + "Credential=".length(), end < 0 ? auth.length() : end).trim();
            }
        } else {
            credential = request.query("X-Amz-Credential").orElse(null);
        }
        if (credential == null) {
            return Optional.empty();
        }
        String[] parts = credential.split("/");
        if (parts.length < 5) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3]));
    }
}
