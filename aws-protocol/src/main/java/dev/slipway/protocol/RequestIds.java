package dev.slipway.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as AWS services write them (a random, version-4 UUID). Drawn from {@link ThreadLocalRandom}, not
 * {@link UUID#randomUUID()}'s SecureRandom: these ids name requests on one machine and need no
 * secrecy, and the secure source is slow to initialise and a shared lock on every request.
 */
public final class RequestIds {
    private RequestIds() {}

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
