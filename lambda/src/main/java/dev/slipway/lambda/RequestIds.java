package dev.slipway.lambda;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in Lambda's form (a random, version-4 UUID). Drawn from {@link ThreadLocalRandom}, not
 * {@link UUID#randomUUID()}'s SecureRandom: these ids name invocations on one machine and need no
 * secrecy, and the secure source is a shared lock on every invoke.
 */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
