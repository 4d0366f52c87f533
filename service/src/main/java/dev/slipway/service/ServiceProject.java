package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facade of the service module: loads {@code serverless.yml} (or {@code .yaml}, {@code .json})
 * from a folder, resolves its variables, builds the {@link Service} model and validates it,
 * collecting every problem instead of stopping at the first.
 *
 * <pre>{@code
 * ServiceProject p = ServiceProject.load(dir, LoadOptions.defaults().withStage("prod"));
 * if (p.hasErrors()) p.problems().forEach(x -> System.err.println(x.format(dir)));
 * CompiledStack stack = CloudFormationCompiler.compile(p.service(), CompileOptions.defaults());
 * }</pre>
 */
public final class ServiceProject {
    static final List<String> CONFIG_NAMES = List.of("serverless.yml", "serverless.yaml", "serverless.json");

    private final Service service;
    private final List<Problem> problems;
    private final List<Problem> artifactProblems;
    private final Validator validator;

    private ServiceProject(Service service, List<Problem> problems) {
        this(service, problems, List.of(), null);
    }

    private ServiceProject(Service service, List<Problem> problems, List<Problem> artifactProblems,
            Validator validator) {
        this.service = service;
        this.problems = problems;
        this.artifactProblems = List.copyOf(artifactProblems);
        this.validator = validator;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(copy);
    }

    /** Loads the configuration found in {@code serviceDir} (serverless.yml, .yaml or .json). */
    public static ServiceProject load(Path serviceDir, LoadOptions options) {
        Path dir = serviceDir.toAbsolutePath().normalize();
        for (String name : CONFIG_NAMES) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return load(dir, f, options);
            }
        }
        List<Problem> problems = List.of(new Problem(Problem.Severity.ERROR, dir, 0, 0,
                "no serverless.yml, serverless.yaml or serverless.json in " + dir,
                "run the command in the service's folder, or pass --dir/--config"));
        return new ServiceProject(emptyService(dir, dir.resolve("serverless.yml"), options), problems);
    }

    /** Loads a given configuration file; the service folder is {@code serviceDir}. */
    public static ServiceProject load(Path serviceDir, Path configFile, LoadOptions options) {
        Path dir = serviceDir.toAbsolutePath().normalize();
        Path file = dir.resolve(configFile).normalize();
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.add(new Problem(Problem.Severity.ERROR, file, 0, 0, "cannot read " + file + ": " + e,
                    "check that the file exists and is readable"));
            return new ServiceProject(emptyService(dir, file, options), problems);
        }
        Locations loc = new Locations(file);
        JsonNode tree;
        try {
            tree = YamlReader.read(text, file, loc, problems);
        } catch (YamlReader.SyntaxError e) {
            problems.add(new Problem(Problem.Severity.ERROR, file, e.line, e.column,
                    "invalid " + (file.toString().endsWith(".json") ? "JSON" : "YAML") + ": " + e.getMessage(),
                    "fix the syntax at this place (indentation, quotes, a missing colon)"));
            return new ServiceProject(emptyService(dir, file, options), problems);
        }
        if (!tree.isObject()) {
            problems.add(new Problem(Problem.Severity.ERROR, file, 1, 1,
                    "the configuration must be a map (service:, provider:, functions:, …), not " + Schema.typeName(tree),
                    "start the file with: service: my-service"));
            return new ServiceProject(emptyService(dir, file, options), problems);
        }
        ObjectNode root = (ObjectNode) tree;
        VariableResolver resolver = new VariableResolver(root, dir, options, loc, problems,
                Long.toString(System.currentTimeMillis()));
        resolver.resolveAll();
        String stage = resolver.stage();
        String region = resolver.region();
        applyStageAndRegion(root, stage, region);
        Service service = new ModelBuilder(root, dir, file, loc, problems).build(stage, region);
        Validator validator = new Validator(service, loc, problems);
        validator.validate();
        List<Problem> artifactProblems = validator.validateArtifacts();
        problems.addAll(artifactProblems);
        return new ServiceProject(service, sorted(problems), artifactProblems, validator);
    }

    /**
     * As the Framework's Service class does: provider.stage defaults to {@code dev}; a --stage
     * option does not overwrite it (so {@code ${self:provider.stage}} is the file's value, as in v3).
     */
    private static void applyStageAndRegion(ObjectNode root, String stage, String region) {
        JsonNode p = root.get("provider");
        if (p instanceof ObjectNode po && (!po.has("stage") || po.get("stage").isNull())) {
            po.put("stage", "dev");
        }
    }

    private static Service emptyService(Path dir, Path file, LoadOptions options) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Service s = new ModelBuilder(root, dir, file, new Locations(file), new ArrayList<>())
                .build(options.stage().orElse("dev"), options.region().orElse("us-east-1"));
        return s;
    }

    public Service service() {
        return service;
    }

    /** Every problem found, errors and warnings, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * The problems that do not depend on the built artifact (its existence and the handler
     * classes in it): for commands that build the artifact after loading and then call
     * {@link #checkArtifacts()}.
     */
    public List<Problem> problemsBeforeBuild() {
        return problems.stream().filter(p -> !artifactProblems.contains(p)).toList();
    }

    /** Checks the artifacts again (after a build): exists, readable, holds each handler class. */
    public List<Problem> checkArtifacts() {
        return validator == null ? List.of() : sorted(validator.validateArtifacts());
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The configuration file that was read (when one was found). */
    public Optional<Path> configFile() {
        return Optional.ofNullable(service.configFile()).filter(Files::isRegularFile);
    }

    /** For tests and tools: the options map the CLI builds from {@code --param=value}. */
    static Map<String, String> noOptions() {
        return Map.of();
    }
}
