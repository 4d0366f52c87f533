package dev.slipway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code slipway} command. {@link #run} returns the exit code so tests need not
 * capture {@code System.out}; a {@link UserError} becomes a clear message and exit code 1, any
 * other failure a one-line message (the stack trace only with {@code --stacktrace}) and exit 2.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        dev.slipway.deploy.Trace.mark("main");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    /** Runs one command line. Long-running commands (cloud, offline) return when they stop. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SlipwayCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Errors(err));
        cl.setParameterExceptionHandler(Errors::onParameterError);
        return cl;
    }
}
