package dev.slipway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place that turns failures into messages and exit codes. */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Errors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean stacktrace = parsed.hasMatchedOption("--stacktrace")
                || (parsed.subcommand() != null && anyStacktrace(parsed));
        if (ex instanceof UserError u) {
            err.println("error: " + u.getMessage());
            if (!u.hint().isEmpty()) {
                err.println("  fix: " + u.hint());
            }
            if (stacktrace) {
                ex.printStackTrace(err);
            }
            err.flush();
            return u.exitCode();
        }
        err.println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        if (stacktrace) {
            ex.printStackTrace(err);
        } else {
            err.println("  (run again with --stacktrace for details)");
        }
        err.flush();
        return 2;
    }

    private static boolean anyStacktrace(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("  fix: see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return 2;
    }
}
