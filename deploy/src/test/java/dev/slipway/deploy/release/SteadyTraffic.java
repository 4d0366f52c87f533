package dev.slipway.deploy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** A test client invoking a function through its alias without pause, on a few threads, recording every answer. */
final class SteadyTraffic implements AutoCloseable {
    /** One request: when it started (nanoTime), the version that ran it, whether it failed. */
    record Sample(long startedNanos, String executedVersion, boolean failed) {}

    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    SteadyTraffic(LambdaClient lambda, String function, String alias, int clients) {
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    InvokeResponse r = lambda.invoke(b -> b.functionName(function).qualifier(alias)
                            .payload(SdkBytes.fromUtf8String("{}")));
                    samples.add(new Sample(start, r.executedVersion(), r.functionError() != null));
                }
            }, "steady-traffic-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /** Samples of requests that started after the given instant (nanoTime). */
    List<Sample> startedAfter(long nanos) {
        return samples.stream().filter(s -> s.startedNanos() > nanos).toList();
    }

    /** Waits until at least {@code n} requests that started after {@code nanos} were answered. */
    void awaitAnswersAfter(long nanos, int n) throws InterruptedException {
        while (startedAfter(nanos).size() < n) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }
}
