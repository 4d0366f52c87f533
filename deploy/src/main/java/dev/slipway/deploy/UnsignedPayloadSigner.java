package dev.slipway.deploy;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 for S3 uploads to the local cloud without hashing the payload. Over plain HTTP the SDK
 * always signs the body (SHA-256 of every 128 KB chunk: ~0.3 s of the CLI's C1-only JVM for an
 * 11 MB artifact, the same again on the server); over HTTPS S3 requests carry
 * {@code UNSIGNED-PAYLOAD} (or {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}) with a CRC32 checksum
 * instead. The local cloud is on loopback, where a payload signature protects nothing, so its
 * requests are signed as the HTTPS request they would be (the signature covers the method, path,
 * query, headers and Host, not the scheme) and sent over HTTP. The body's CRC32 is still checked
 * by the local S3. Only {@link Target#local} uses this; AWS (and {@code --target aws --endpoint},
 * e.g. moto_server) keeps the SDK's own signing.
 */
final class UnsignedPayloadSigner implements HttpSigner<AwsCredentialsIdentity> {
    private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();

    /** The SigV4 auth scheme with this signer, for {@code S3Client.builder().putAuthScheme(…)}. */
    static AuthScheme<AwsCredentialsIdentity> scheme() {
        UnsignedPayloadSigner signer = new UnsignedPayloadSigner();
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        // On the standard ports the Host header differs between the schemes ("host" vs "host:80"),
        // so those requests keep the SDK's signing.
        if (!"http".equals(http.protocol()) || http.port() == 80 || http.port() == 443) {
            return delegate.sign(request);
        }
        SdkHttpRequest asHttps = http.toBuilder().protocol("https").port(http.port()).build();
        SignedRequest signed = delegate.sign(request.copy(b -> b.request(asHttps)));
        SdkHttpRequest back = signed.request().toBuilder().protocol("http").port(http.port()).build();
        return signed.copy(b -> b.request(back));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return delegate.signAsync(request);
    }
}
