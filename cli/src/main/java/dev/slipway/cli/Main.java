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
        Class<?> only = args.length == 0 ? null : subcommand(args[0]);
        if (only == null) {
            return commandLine(out, err).execute(args);
        }
        // Only the command that runs is built: picocli reflects over every option of every command
        // it is given, which was half of 'slipway cloud''s start-up on the machine this was measured on.
        if (only == InvokeCommand.class) {
            InvokeCommand.startWarmUp();
        }
        CommandLine cl = configure(new CommandLine(only), out, err);
        cl.setCommandName("slipway " + args[0]);
        return cl.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    /** The class of the root command's subcommand with this name, if it is one (not help). */
    static Class<?> subcommand(String name) {
        for (Class<?> c : SlipwayCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
            if (c != CommandLine.HelpCommand.class && command != null && command.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new SlipwayCommand()), out, err);
    }

    private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Errors(err));
        cl.setParameterExceptionHandler(Errors::onParameterError);
        return cl;
    }
}
