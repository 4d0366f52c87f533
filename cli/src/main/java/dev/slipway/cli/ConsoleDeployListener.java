package dev.slipway.cli;

import dev.slipway.deploy.DeployListener;
import java.io.PrintWriter;

/** Prints a deployment's progress as it happens: phases, then one line per stack event. */
final class ConsoleDeployListener implements DeployListener {
    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final boolean quiet;

    ConsoleDeployListener(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void phase(String description) {
        out.printf("%6.1fs  %s%n", seconds(), description);
        out.flush();
    }

    @Override
    public void stackEvent(String logicalId, String resourceType, String status, String reason) {
        if (quiet && !status.endsWith("FAILED")) {
            return;
        }
        boolean failed = status.endsWith("FAILED");
        out.printf("%6.1fs    %-28s %s (%s)%s%n", seconds(), status, logicalId, resourceType,
                failed && reason != null && !reason.isEmpty() ? " — " + reason : "");
        out.flush();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
