package dev.slipway.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; subcommands are listed here, one class each. */
@Command(name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = SlipwayCommand.Version.class,
        description = "Develop, test and deliver AWS Lambda applications in Java: a local serverless cloud "
                + "and a delivery toolchain.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ValidateCommand.class, PrintCommand.class, PackageCommand.class,
            OfflineCommand.class,
            CloudCommand.class,
            InvokeCommand.class, GenerateEventCommand.class,
            DeployCommand.class, RollbackCommand.class, DeploymentsCommand.class,
            PruneCommand.class,
            InfoCommand.class,
            RemoveCommand.class,
            LogsCommand.class,
            DynamoDbCommand.class,
            ScheduleCommand.class,
        })
public final class SlipwayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties p = new Properties();
            try (InputStream in = SlipwayCommand.class.getResourceAsStream("/slipway-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"slipway " + p.getProperty("version", "development")};
        }
    }
}
