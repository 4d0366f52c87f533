package dev.slipway.apigateway;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/** Ids in the shapes API Gateway gives them: lower-case alphanumerics of a fixed length. */
final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] KEY_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final Random random;

    Ids(Random random) {
        this.random = random;
    }

    static Ids secure() {
        return new Ids(new SecureRandom());
    }

    /** A REST or HTTP API id, e.g. {@code a1b2c3d4e5}. */
    String apiId() {
        return of(ALPHABET, 10);
    }

    /** Resource, deployment, authorizer, integration and route ids are shorter on AWS. */
    String shortId() {
        return of(ALPHABET, 6);
    }

    /** API key values are 40 mixed-case characters on AWS. */
    String apiKeyValue() {
        return of(KEY_ALPHABET, 40);
    }

    String requestId() {
        return UUID.randomUUID().toString();
    }

    private String of(char[] alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(c);
    }
}
