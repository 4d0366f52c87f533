package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stack and change-set actions: request checks in CloudFormation's order (input, template,
 * parameters, capabilities, stack state), then state changes handed to the {@link StackEngine}.
 * Transitions of the stack table happen under this object's monitor.
 */
final class StackActions {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]*");
    private static final Set<String> UPDATABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE",
            "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");
    private static final Set<String> IAM_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::AccessKey", "AWS::IAM::InstanceProfile",
            "AWS::IAM::UserToGroupAddition");
    private static final Set<String> IAM_NAMES = Set.of("RoleName", "ManagedPolicyName", "UserName", "GroupName",
            "InstanceProfileName");

    private final StackStore store;
    private final StackEngine engine;
    private final TemplateSource templates;
    private final Clock clock;
    private final String region;
    private final String accountId;

    StackActions(StackStore store, StackEngine engine, TemplateSource templates, Clock clock, String region,
            String accountId) {
        this.store = store;
        this.engine = engine;
        this.templates = templates;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
    }

    // ---- templates ---------------------------------------------------------------------------

    Template template(Optional<String> body, Optional<String> url) {
        Template template = Template.parse(templates.read(body, url)).validated();
        Set<String> unrecognized = new TreeSet<>();
        for (String type : template.resourceTypes()) {
            if (!engine.supports(type) && !type.matches("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?")
                    && !type.startsWith("Custom::")) {
                unrecognized.add(type);
            }
        }
        if (!unrecognized.isEmpty()) {
            throw ValidationError.unrecognizedResourceTypes(unrecognized);
        }
        return template;
    }

    TemplateSummary summary(Template template) {
        List<TemplateSummary.ParameterDeclaration> parameters = new ArrayList<>();
        var fields = template.parameters.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode decl = field.getValue();
            List<String> allowed = new ArrayList<>();
            decl.path("AllowedValues").forEach(v -> allowed.add(v.asText()));
            parameters.add(new TemplateSummary.ParameterDeclaration(field.getKey(),
                    decl.has("Default") ? decl.get("Default").asText() : "", decl.path("Type").asText(),
                    "true".equalsIgnoreCase(decl.path("NoEcho").asText()), decl.path("Description").asText(""),
                    allowed));
        }
        Optional<String> capability = requiredCapability(template);
        return new TemplateSummary(parameters, template.description().orElse(""),
                capability.map(List::of).orElse(List.of()),
                capability.map(c -> "The following resource(s) require capabilities: "
                        + ValidationError.list(iamTypes(template))).orElse(""),
                List.copyOf(template.resourceTypes()), template.root.path("AWSTemplateFormatVersion").asText(""));
    }

    private static List<String> iamTypes(Template template) {
        return template.resources.values().stream().filter(r -> IAM_TYPES.contains(r.type()))
                .map(Template.Resource::type).distinct().toList();
    }

    private static Optional<String> requiredCapability(Template template) {
        Optional<String> required = Optional.empty();
        for (Template.Resource r : template.resources.values()) {
            if (IAM_TYPES.contains(r.type())) {
                boolean named = IAM_NAMES.stream().anyMatch(r.properties()::has);
                if (named) {
                    return Optional.of("CAPABILITY_NAMED_IAM");
                }
                required = Optional.of("CAPABILITY_IAM");
            }
        }
        return required;
    }

    private static void checkCapabilities(Template template, List<String> given) {
        requiredCapability(template).ifPresent(required -> {
            boolean ok = given.contains(required)
                    || required.equals("CAPABILITY_IAM") && given.contains("CAPABILITY_NAMED_IAM");
            if (!ok) {
                throw InsufficientCapabilitiesException.requires(required);
            }
        });
    }

    /**
     * Fn::ImportValue names that can be resolved before any resource exists must name an export of
     * another live stack: CloudFormation answers "No export named X found." to the API call.
     */
    private void checkImports(StackState stack, Template template, Map<String, Parameters.Value> parameters) {
        Evaluator.Resources none = new Evaluator.Resources() {
            @Override
            public JsonNode ref(String logicalId) {
                throw new IllegalStateException("resource-dependent");
            }

            @Override
            public JsonNode getAtt(String logicalId, String attribute) {
                throw new IllegalStateException("resource-dependent");
            }
        };
        Evaluator evaluator = new Evaluator(template, engine.names(stack, parameters), none, name -> Optional.empty(),
                region);
        Evaluator.Exports exports = engine.exports(new StackState());
        List<JsonNode> arguments = new ArrayList<>();
        collectImports(template.root.path("Resources"), arguments);
        collectImports(template.outputs, arguments);
        for (JsonNode argument : arguments) {
            String name;
            try {
                name = Evaluator.text(evaluator.resolve(argument), "Fn::ImportValue");
            } catch (RuntimeException e) {
                continue; // depends on a resource: checked when the resource is created
            }
            if (exports.value(name).isEmpty()) {
                throw ValidationError.exportMissing(name);
            }
        }
    }

    /**
     * With conditions known, an active resource or output must not refer to a resource whose
     * condition is false (outside the unused branch of an Fn::If): CloudFormation rejects the
     * call with "Unresolved resource dependencies [X] in the Resources block of the template".
     */
    private void checkConditionalReferences(StackState stack, Template template,
            Map<String, Parameters.Value> parameters) {
        Evaluator evaluator = new Evaluator(template, engine.names(stack, parameters), null, name -> Optional.empty(),
                region);
        Set<String> inactive = new TreeSet<>();
        template.resources.values().forEach(r -> {
            if (!evaluator.active(r.condition())) {
                inactive.add(r.logicalId());
            }
        });
        if (inactive.isEmpty()) {
            return;
        }
        Set<String> unresolved = new TreeSet<>();
        for (Template.Resource r : template.resources.values()) {
            if (inactive.contains(r.logicalId())) {
                continue;
            }
            References refs = References.live(r.properties(), evaluator::condition);
            Set<String> used = new TreeSet<>(refs.refs());
            used.addAll(refs.getAtts());
            JsonNode dependsOn = template.root.path("Resources").path(r.logicalId()).path("DependsOn");
            if (dependsOn.isTextual()) {
                used.add(dependsOn.asText());
            }
            dependsOn.forEach(d -> used.add(d.asText()));
            used.stream().filter(inactive::contains).forEach(unresolved::add);
        }
        if (!unresolved.isEmpty()) {
            throw ValidationError.unresolvedDependencies(unresolved, "Resources");
        }
        var outputs = template.outputs.fields();
        while (outputs.hasNext()) {
            JsonNode output = outputs.next().getValue();
            JsonNode condition = output.get("Condition");
            if (condition != null && !evaluator.condition(condition.asText())) {
                continue;
            }
            References refs = References.live(output, evaluator::condition);
            refs.refs().stream().filter(inactive::contains).forEach(unresolved::add);
            refs.getAtts().stream().filter(inactive::contains).forEach(unresolved::add);
        }
        if (!unresolved.isEmpty()) {
            throw ValidationError.unresolvedDependencies(unresolved, "Outputs");
        }
    }

    private static void collectImports(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::ImportValue")) {
            out.add(node.get("Fn::ImportValue"));
            return;
        }
        node.forEach(child -> collectImports(child, out));
    }

    // ---- stacks ------------------------------------------------------------------------------

    synchronized String createStack(StackRequest request) {
        checkName(request.stackName(), "stackName");
        Template template = template(request.templateBody(), request.templateUrl());
        Map<String, Parameters.Value> parameters = Parameters.bind(template.parameters, request.parameters(), Map.of());
        checkCapabilities(template, request.capabilities());
        if (store.find(request.stackName()).isPresent()) {
            throw AlreadyExistsException.stack(request.stackName());
        }
        StackState stack = newStack(request.stackName());
        checkConditionalReferences(stack, template, parameters);
        checkImports(stack, template, parameters);
        apply(stack, request, template, parameters);
        stack.disableRollback = request.onFailure().equals("DO_NOTHING");
        store.put(stack);
        engine.stackStatus(stack, "CREATE_IN_PROGRESS", "User Initiated");
        engine.create(stack, template, request.onFailure());
        return stack.stackId;
    }

    private StackState newStack(String name) {
        StackState stack = new StackState();
        stack.stackName = name;
        stack.stackId = "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + name + "/"
                + UUID.randomUUID();
        stack.creationTime = clock.millis();
        return stack;
    }

    /** Records the request on the stack; tags and notification ARNs left out of an update are kept, as on AWS. */
    private static void apply(StackState stack, StackRequest request, Template template,
            Map<String, Parameters.Value> parameters) {
        synchronized (stack) {
            stack.templateBody = template.body;
            stack.description = template.description().orElse("");
            stack.parameters = new LinkedHashMap<>(parameters);
            stack.capabilities = new ArrayList<>(request.capabilities());
            if (!request.tags().isEmpty() || stack.tags.isEmpty()) {
                stack.tags = new LinkedHashMap<>(request.tags());
            }
            if (!request.notificationArns().isEmpty() || stack.notificationArns.isEmpty()) {
                stack.notificationArns = new ArrayList<>(request.notificationArns());
            }
        }
    }

    private static boolean sameTags(StackState stack, StackRequest request) {
        return request.tags().isEmpty() || request.tags().equals(stack.tags);
    }

    synchronized String updateStack(StackRequest request) {
        StackState stack = store.find(request.stackName())
                .orElseThrow(() -> ValidationError.stackNotFoundBracket(request.stackName()));
        checkUpdatable(stack);
        Template previous = engine.templateOf(stack);
        Template next = request.usePreviousTemplate() ? previous
                : template(request.templateBody(), request.templateUrl());
        Map<String, Parameters.Value> parameters = Parameters.bind(next.parameters, request.parameters(),
                previousValues(stack));
        checkCapabilities(next, request.capabilities());
        checkUpdatable(stack);
        checkConditionalReferences(stack, next, parameters);
        checkImports(stack, next, parameters);
        if (next.root.equals(previous.root) && parameters.equals(stack.parameters) && sameTags(stack, request)) {
            throw ValidationError.noUpdates();
        }
        startUpdate(stack, request, previous, next, parameters);
        return stack.stackId;
    }

    private void startUpdate(StackState stack, StackRequest request, Template previous, Template next,
            Map<String, Parameters.Value> parameters) {
        Map<String, Parameters.Value> previousParameters;
        synchronized (stack) {
            previousParameters = new LinkedHashMap<>(stack.parameters);
            apply(stack, request, next, parameters);
            stack.lastUpdatedTime = clock.millis();
        }
        engine.stackStatus(stack, "UPDATE_IN_PROGRESS", "User Initiated");
        engine.update(stack, previous, previousParameters, next);
    }

    private static Map<String, String> previousValues(StackState stack) {
        Map<String, String> values = new LinkedHashMap<>();
        stack.parameters.forEach((k, v) -> values.put(k, v.value()));
        return values;
    }

    private static void checkUpdatable(StackState stack) {
        if (!UPDATABLE.contains(stack.status)) {
            throw ValidationError.cannotUpdate(stack.stackId, stack.status);
        }
    }

    synchronized void deleteStack(String nameOrId, List<String> retain) {
        Optional<StackState> found = store.find(nameOrId);
        if (found.isEmpty() || found.get().deleted() || found.get().status.equals("DELETE_IN_PROGRESS")) {
            return; // AWS answers success for a stack that does not exist or is already being deleted
        }
        StackState stack = found.get();
        if (stack.inProgress()) {
            throw ValidationError.inProgress(stack.stackId, stack.status, "deleted");
        }
        if (stack.status.equals("REVIEW_IN_PROGRESS")) {
            engine.stackStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
            synchronized (stack) {
                stack.deletionTime = clock.millis();
                stack.changeSets.clear();
            }
            engine.stackStatus(stack, "DELETE_COMPLETE", "");
            return;
        }
        engine.stackStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
        engine.delete(stack, Set.copyOf(retain));
    }

    /**
     * CancelUpdateStack: an update in progress starts nothing new, stops waiting on its wait
     * conditions, and rolls back to the previous template ("User Initiated"), as AWS does.
     */
    void cancelUpdateStack(String nameOrId) {
        StackState stack = stack(nameOrId);
        synchronized (stack) {
            if (!stack.status.equals("UPDATE_IN_PROGRESS")) {
                throw ValidationError.of("CancelUpdateStack cannot be called from current stack status");
            }
            stack.cancelRequested = true;
        }
        engine.waitConditions.cancel(stack.stackId);
    }

    StackState stack(String nameOrId) {
        return store.find(nameOrId).orElseThrow(() -> ValidationError.stackNotFound(nameOrId));
    }

    /** DescribeStackEvents words it differently: "Stack [myStack] does not exist" (stacker#683, 2018). */
    StackState stackForEvents(String nameOrId) {
        return store.find(nameOrId).orElseThrow(() -> ValidationError.stackNotFoundBracket(nameOrId));
    }

    /** Waits until the stack is not in progress, or until {@code wait} has passed. */
    StackState awaitSettled(String nameOrId, Duration wait) {
        StackState stack = stack(nameOrId);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (stack) {
            while (stack.inProgress()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    stack.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return stack;
    }

    // ---- change sets -------------------------------------------------------------------------

    synchronized ChangeSetDescription createChangeSet(StackRequest request) {
        checkName(request.stackName(), "stackName");
        checkName(request.changeSetName(), "changeSetName");
        String type = request.changeSetType().isEmpty() ? "UPDATE" : request.changeSetType();
        if (!Set.of("CREATE", "UPDATE", "IMPORT").contains(type)) {
            throw ValidationError.invalidChangeSetType(type);
        }
        if (type.equals("IMPORT")) {
            throw ValidationError.of("ChangeSetType IMPORT is not supported by the Slipway local cloud");
        }
        Optional<StackState> existing = store.find(request.stackName());
        boolean creating = type.equals("CREATE");
        if (creating && existing.isPresent() && !existing.get().status.equals("REVIEW_IN_PROGRESS")) {
            throw ValidationError.stackExistsForCreateChangeSet(request.stackName());
        }
        if (!creating && (existing.isEmpty() || existing.get().status.equals("REVIEW_IN_PROGRESS"))) {
            throw ValidationError.stackNotFoundBracket(request.stackName());
        }
        Template previous = existing.isPresent() && !creating ? engine.templateOf(existing.get()) : null;
        Template next = request.usePreviousTemplate() && previous != null ? previous
                : template(request.templateBody(), request.templateUrl());
        Map<String, Parameters.Value> parameters = Parameters.bind(next.parameters, request.parameters(),
                existing.map(StackActions::previousValues).orElse(Map.of()));
        checkCapabilities(next, request.capabilities());
        if (!creating) {
            checkUpdatable(existing.get());
        }
        StackState probe = existing.orElseGet(() -> newStack(request.stackName()));
        checkConditionalReferences(probe, next, parameters);
        checkImports(probe, next, parameters);
        StackState stack = existing.orElseGet(() -> {
            StackState s = newStack(request.stackName());
            s.templateBody = "";
            store.put(s);
            engine.stackStatus(s, "REVIEW_IN_PROGRESS", "User Initiated");
            return s;
        });
        synchronized (stack) {
            // An executed change set no longer blocks its name: local deploys finish within the same
            // second, and the AWS CLI names its change sets by the second
            // (awscli-cloudformation-package-deploy-<epoch>), which never collides on AWS.
            stack.changeSets.values().removeIf(c -> c.name.equals(request.changeSetName())
                    && c.executionStatus.equals("EXECUTE_COMPLETE"));
            if (stack.changeSets.values().stream().anyMatch(c -> c.name.equals(request.changeSetName()))) {
                throw AlreadyExistsException.changeSet(request.changeSetName());
            }
        }
        ChangeSetState cs = new ChangeSetState();
        cs.id = "arn:aws:cloudformation:" + region + ":" + accountId + ":changeSet/" + request.changeSetName() + "/"
                + UUID.randomUUID();
        cs.name = request.changeSetName();
        cs.type = type;
        cs.description = request.description();
        cs.creationTime = clock.millis();
        cs.templateBody = next.body;
        cs.parameters = new LinkedHashMap<>(parameters);
        cs.capabilities = new ArrayList<>(request.capabilities());
        cs.tags = new LinkedHashMap<>(request.tags());
        cs.notificationArns = new ArrayList<>(request.notificationArns());
        cs.changes = new ArrayList<>(ChangeSetPlanner.plan(engine, stack, next, parameters));
        boolean unchanged = previous != null && next.root.equals(previous.root)
                && parameters.equals(stack.parameters) && sameTags(stack, request);
        if (unchanged) {
            cs.status = "FAILED";
            cs.executionStatus = "UNAVAILABLE";
            cs.statusReason = "The submitted information didn't contain changes. Submit different information to "
                    + "create a change set.";
        } else {
            cs.status = "CREATE_COMPLETE";
            cs.executionStatus = "AVAILABLE";
        }
        synchronized (stack) {
            stack.changeSets.put(cs.id, cs);
            store.save(stack);
            return Views.changeSet(stack, cs);
        }
    }

    record Found(StackState stack, ChangeSetState changeSet) {}

    Found changeSet(String nameOrArn, Optional<String> stackName) {
        if (nameOrArn.startsWith("arn:")) {
            for (StackState stack : store.all()) {
                synchronized (stack) {
                    ChangeSetState cs = stack.changeSets.get(nameOrArn);
                    if (cs != null) {
                        return new Found(stack, cs);
                    }
                }
            }
            throw ChangeSetNotFoundException.of(nameOrArn);
        }
        if (stackName.isEmpty()) {
            // AWS's message when a change set name is given without its stack
            throw ValidationError.of("StackName must be specified if ChangeSetName is not specified as an ARN.");
        }
        StackState stack = store.find(stackName.get()).orElseThrow(() -> ChangeSetNotFoundException.of(nameOrArn));
        synchronized (stack) {
            return stack.changeSets.values().stream().filter(c -> c.name.equals(nameOrArn)).findFirst()
                    .map(c -> new Found(stack, c)).orElseThrow(() -> ChangeSetNotFoundException.of(nameOrArn));
        }
    }

    synchronized void executeChangeSet(String nameOrArn, Optional<String> stackName) {
        Found found = changeSet(nameOrArn, stackName);
        StackState stack = found.stack();
        ChangeSetState cs = found.changeSet();
        if (!cs.executionStatus.equals("AVAILABLE")) {
            throw InvalidChangeSetStatusException.notExecutable(cs.id, cs.executionStatus);
        }
        Template next = Template.parse(cs.templateBody).validated();
        StackRequest request = new StackRequest(stack.stackName, Optional.of(cs.templateBody), Optional.empty(), false,
                List.of(), cs.capabilities, cs.tags, cs.notificationArns, "ROLLBACK", cs.name, cs.type,
                cs.description);
        if (cs.type.equals("CREATE")) {
            if (!stack.status.equals("REVIEW_IN_PROGRESS")) {
                throw InvalidChangeSetStatusException.notExecutable(cs.id, cs.executionStatus);
            }
            apply(stack, request, next, cs.parameters);
            markExecuted(stack, cs);
            engine.stackStatus(stack, "CREATE_IN_PROGRESS", "User Initiated");
            engine.create(stack, next, "ROLLBACK");
        } else {
            checkUpdatable(stack);
            Template previous = engine.templateOf(stack);
            markExecuted(stack, cs);
            startUpdate(stack, request, previous, next, cs.parameters);
        }
    }

    private void markExecuted(StackState stack, ChangeSetState cs) {
        synchronized (stack) {
            cs.executionStatus = "EXECUTE_COMPLETE";
            stack.changeSetId = cs.id;
            stack.changeSets.clear(); // executing one change set deletes the stack's others, as on AWS
            stack.changeSets.put(cs.id, cs);
        }
    }

    synchronized void deleteChangeSet(String nameOrArn, Optional<String> stackName) {
        Found found = changeSet(nameOrArn, stackName);
        synchronized (found.stack()) {
            found.stack().changeSets.remove(found.changeSet().id);
            store.save(found.stack());
        }
    }

    private static void checkName(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw ValidationError.missingParameter(member);
        }
        if (!NAME.matcher(value).matches() && !value.startsWith("arn:")) {
            throw ValidationError.of("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*");
        }
        if (value.length() > 128) {
            throw ValidationError.of("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 128");
        }
    }
}
