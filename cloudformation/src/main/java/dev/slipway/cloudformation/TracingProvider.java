package dev.slipway.cloudformation;

import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Set;

/**
 * With the environment variable {@code SLIPWAY_TRACE} set, each provider call is timed and printed
 * to stderr (type, logical id, action, milliseconds), to see which resources a deployment waits for.
 */
final class TracingProvider implements ResourceProvider {
    static final boolean ON = System.getenv("SLIPWAY_TRACE") != null;

    private final ResourceProvider delegate;

    private TracingProvider(ResourceProvider delegate) {
        this.delegate = delegate;
    }

    static ResourceProvider wrap(ResourceProvider provider) {
        return ON ? new TracingProvider(provider) : provider;
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public Set<String> createOnlyProperties() {
        return delegate.createOnlyProperties();
    }

    @Override
    public Result create(Request request) throws Exception {
        long t0 = System.nanoTime();
        try {
            return delegate.create(request);
        } finally {
            print("create", request, t0);
        }
    }

    @Override
    public Result update(Request request) throws Exception {
        long t0 = System.nanoTime();
        try {
            return delegate.update(request);
        } finally {
            print("update", request, t0);
        }
    }

    @Override
    public void delete(Request request) throws Exception {
        long t0 = System.nanoTime();
        try {
            delegate.delete(request);
        } finally {
            print("delete", request, t0);
        }
    }

    private void print(String action, Request request, long t0) {
        System.err.printf("[trace cfn] %-6s %-34s %-60s %5d ms (%s)%n", action, type(), request.logicalId(),
                (System.nanoTime() - t0) / 1_000_000, Thread.currentThread().getName());
    }
}
