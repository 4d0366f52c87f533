package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JWTs as an HTTP API JWT authorizer does: RS256 signature against the issuer's JWKS,
 * {@code iss} equal to the configured issuer, {@code aud} (or {@code client_id}) in the audience,
 * {@code exp} in the future and {@code nbf} in the past. Keys come from a JWKS file or URL
 * configured per issuer, else from a loopback issuer's {@code /.well-known/openid-configuration}
 * (or {@code /.well-known/jwks.json}); a local cloud never fetches keys from the internet.
 */
final class JwtVerifier {
    private final Clock clock;
    private final Map<String, String> jwksByIssuer;
    private final Map<String, Map<String, PublicKey>> keysBySource = new ConcurrentHashMap<>();
    /** Built on first use: a JDK HttpClient costs ~0.2 s of the local cloud's start, and most apps have no JWT authorizer. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    JwtVerifier(Clock clock, Map<String, String> jwksByIssuer) {
        this.clock = clock;
        this.jwksByIssuer = Map.copyOf(jwksByIssuer);
    }

    /** The verified claims, or null when the token is not valid for this issuer and audience. */
    ObjectNode verify(String token, String issuer, List<String> audience) {
        if (token == null) {
            return null;
        }
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = Json.parse(b64.decode(parts[0]));
            JsonNode claims = Json.parse(b64.decode(parts[1]));
            if (!header.path("alg").asText().equals("RS256") || !claims.isObject()) {
                return null;
            }
            PublicKey key = key(issuer, header.path("kid").asText(""));
            if (key == null) {
                return null;
            }
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initVerify(key);
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!sig.verify(b64.decode(parts[2]))) {
                return null;
            }
            long now = clock.millis() / 1000;
            if (!claims.path("iss").asText().equals(issuer)) {
                return null;
            }
            if (!claims.has("exp") || claims.path("exp").asLong() <= now) {
                return null;
            }
            if (claims.has("nbf") && claims.path("nbf").asLong() > now) {
                return null;
            }
            if (!audienceMatches(claims, audience)) {
                return null;
            }
            return (ObjectNode) claims;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean audienceMatches(JsonNode claims, List<String> audience) {
        if (audience.isEmpty()) {
            return true;
        }
        JsonNode aud = claims.get("aud");
        if (aud != null && aud.isArray()) {
            for (JsonNode a : aud) {
                if (audience.contains(a.asText())) {
                    return true;
                }
            }
        } else if (aud != null && audience.contains(aud.asText())) {
            return true;
        }
        JsonNode clientId = claims.get("client_id");
        return aud == null && clientId != null && audience.contains(clientId.asText());
    }

    private PublicKey key(String issuer, String kid) throws Exception {
        String source = jwksByIssuer.get(issuer);
        if (source == null) {
            source = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        }
        Map<String, PublicKey> keys = keysBySource.get(source);
        if (keys == null || !keys.containsKey(kid)) {
            keys = load(source);
            keysBySource.put(source, keys);
        }
        PublicKey k = keys.get(kid);
        return k != null || !kid.isEmpty() || keys.size() != 1 ? k : keys.values().iterator().next();
    }

    private Map<String, PublicKey> load(String source) throws Exception {
        JsonNode doc = Json.parse(read(source));
        if (doc.has("jwks_uri")) {
            doc = Json.parse(read(doc.get("jwks_uri").asText()));
        }
        Map<String, PublicKey> keys = new ConcurrentHashMap<>();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        for (JsonNode k : doc.path("keys")) {
            if (!k.path("kty").asText().equals("RSA")) {
                continue;
            }
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()));
            keys.put(k.path("kid").asText(""), rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return keys;
    }

    private byte[] read(String source) throws Exception {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return Files.readAllBytes(source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source));
        }
        URI uri = URI.create(source);
        if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalStateException("JWKS " + source + " is not on loopback; configure a JWKS file");
        }
        HttpResponse<byte[]> r = Http.CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404 && source.endsWith("/openid-configuration")) {
            return read(source.replace("/openid-configuration", "/jwks.json"));
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("JWKS " + source + " answered " + r.statusCode());
        }
        return r.body();
    }
}
