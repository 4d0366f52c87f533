package dev.slipway.lambda;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Tells whether a worker's output pipe holds bytes the output reader has not taken yet, without
 * touching the reader's stream (whose {@code available()} waits for the lock its blocked
 * {@code read()} holds). On Linux the pipe is opened a second time through
 * {@code /proc/PID/fd/1} and only ever asked {@code available()}; elsewhere there is no probe.
 *
 * <p>Why: the worker writes its output before it posts the result, but on a busy machine the
 * reader thread may not have run yet when the result arrives; the invocation's END line and its
 * Tail must still come after that output.
 */
final class OutputProbe implements AutoCloseable {
    private final FileInputStream pipe;

    private OutputProbe(FileInputStream pipe) {
        this.pipe = pipe;
    }

    /** The probe of a worker's stdout (stderr goes to the same pipe), or null where there is none. */
    static OutputProbe of(Process process) {
        try {
            return new OutputProbe(new FileInputStream("/proc/" + process.pid() + "/fd/1"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether output is waiting in the pipe. */
    boolean pending() {
        try {
            return pipe.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            pipe.close();
        } catch (IOException e) {
            // nothing to release
        }
    }
}
