package dev.slipway.junit;

import dev.slipway.cloud.LocalCloud;
import dev.slipway.deploy.ArtifactBuilder;
import dev.slipway.deploy.DeployListener;
import dev.slipway.deploy.Deployer;
import dev.slipway.deploy.DeploymentPlan;
import dev.slipway.deploy.Target;
import dev.slipway.lambda.JavaRuntimes;
import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.CompileOptions;
import dev.slipway.service.CompiledStack;
import dev.slipway.service.LoadOptions;
import dev.slipway.service.Problem;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The engine of {@link SlipwayTest}: one in-process local cloud per test run (kept in the root
 * store, closed when the run ends), one deployment per test class (a fresh stage, removed after).
 */
final class SlipwayExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(SlipwayExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        SlipwayTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SlipwayTest.class)
                .orElseThrow(() -> new IllegalStateException("@SlipwayTest is missing on " + context.getRequiredTestClass()));
        String stage = config.stage().isEmpty() ? freshStage() : config.stage();
        Service service = load(Path.of(config.service()), stage);

        String endpoint = System.getProperty("slipway.endpoint", config.endpoint());
        Optional<LocalCloud> cloud = Optional.empty();
        Target target;
        if (endpoint.isEmpty()) {
            LocalCloud shared = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent("cloud", k -> new SharedCloud(), SharedCloud.class).cloud;
            cloud = Optional.of(shared);
            target = Target.local(URI.create(shared.url()));
        } else {
            target = Target.local(URI.create(endpoint));
        }

        Deployer deployer = new Deployer(target, DeployListener.SILENT, Clock.systemUTC());
        CompiledStack stack = CloudFormationCompiler.compile(service, CompileOptions.at(Clock.systemUTC()));
        Deployer.Result result = deployer.deploy(DeploymentPlan.of(stack, service));
        DeployedService deployed = new DeployedService(service, target, result.outputs(), cloud,
                logicalId -> deployer.physicalId(stack.stackName(), logicalId));
        context.getStore(NAMESPACE).put("deployment", new Deployment(deployer, deployed, stack.stackName(), config.remove()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Deployment d = context.getStore(NAMESPACE).remove("deployment", Deployment.class);
        if (d != null) {
            d.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeployedService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Deployment d = c.getStore(NAMESPACE).get("deployment", Deployment.class);
            if (d != null) {
                return d.service;
            }
        }
        throw new ParameterResolutionException("no service deployed for " + context.getDisplayName()
                + ": is the class annotated with @SlipwayTest?");
    }

    private static String freshStage() {
        return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    /** Loads the service for the stage, builds its artifact if needed, and fails with every problem at once. */
    static Service load(Path dir, String stage) {
        LoadOptions options = new LoadOptions(Optional.of(stage), Optional.empty(), Map.of(), Optional.empty(),
                System.getenv());
        ServiceProject project = ServiceProject.load(dir.toAbsolutePath().normalize(), options);
        List<Problem> problems = ArtifactBuilder.buildAndCheck(project, new PrintWriter(new StringWriter(), true),
                JavaRuntimes::javaHomeFor);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The service at " + dir + " has problems:\n"
                    + errors.stream().map(p -> p.format(Path.of("").toAbsolutePath())).collect(Collectors.joining("\n")));
        }
        return project.service();
    }

    /** The run's local cloud; JUnit closes it when the root context closes. */
    static final class SharedCloud implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final LocalCloud cloud = LocalCloud.builder().port(0).start();

        @Override
        public void close() {
            cloud.close();
        }
    }

    /** One class's deployment. */
    record Deployment(Deployer deployer, DeployedService service, String stackName, boolean remove) {
        void close() {
            try {
                if (remove) {
                    deployer.remove(stackName);
                }
            } finally {
                service.closeClients();
                deployer.close();
            }
        }
    }
}
