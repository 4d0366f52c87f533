package dev.slipway.cloudformation;

import dev.slipway.cloudformation.providers.BuiltInProviders;
import dev.slipway.cloudformation.providers.IamStore;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.ObjectReader;
import dev.slipway.protocol.spi.ResourceProvider;
import dev.slipway.protocol.http.HttpHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local CloudFormation: one method per AWS action, driving the {@link ResourceProvider}s of
 * the other services. Stack operations run asynchronously, as on AWS: CreateStack returns the
 * stack id at once and the status progresses; {@link #awaitSettled} waits for a final status.
 */
public final class CloudFormationService implements AutoCloseable {
    private final StackStore store;
    private final StackEngine engine;
    private final StackActions actions;
    private final ExecutorService executor;
    private final Duration describeWait;

    private CloudFormationService(Builder b) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cloudformation-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, ResourceProvider> providers = new LinkedHashMap<>();
        BuiltInProviders.all(b.iam, b.accountId).forEach(p -> providers.put(p.type(), p));
        WaitConditionProvider waitConditions = new WaitConditionProvider();
        providers.put(waitConditions.type(), waitConditions);
        b.providers.forEach(p -> providers.put(p.type(), p));
        providers.replaceAll((type, p) -> TracingProvider.wrap(p));
        this.store = new StackStore(b.dataDir);
        this.engine = new StackEngine(store, Map.copyOf(providers), waitConditions, executor, b.clock, b.region, b.accountId);
        this.actions = new StackActions(store, engine, new TemplateSource(b.objectReader), b.clock, b.region,
                b.accountId);
        this.describeWait = b.describeWait;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TemplateSummary validateTemplate(Optional<String> templateBody, Optional<String> templateUrl) {
        return actions.summary(actions.template(templateBody, templateUrl));
    }

    /** Starts creating the stack and returns its id (an ARN). */
    public String createStack(StackRequest request) {
        return actions.createStack(request);
    }

    /** Starts updating the stack; "No updates are to be performed." when nothing changed. */
    public String updateStack(StackRequest request) {
        return actions.updateStack(request);
    }

    /** Cancels an update in progress; the stack rolls back to its previous state (UPDATE_ROLLBACK_COMPLETE). */
    public void cancelUpdateStack(String stackNameOrId) {
        actions.cancelUpdateStack(stackNameOrId);
    }

    /** Starts deleting the stack; succeeds for a stack that does not exist, as AWS does. */
    public void deleteStack(String stackNameOrId, List<String> retainResources) {
        actions.deleteStack(stackNameOrId, retainResources);
    }

    /** One stack (live by name, or any by id), or every live stack when empty. */
    public List<StackDescription> describeStacks(Optional<String> stackNameOrId) {
        if (stackNameOrId.isPresent()) {
            StackState stack = describeWait.isZero() ? actions.stack(stackNameOrId.get())
                    : actions.awaitSettled(stackNameOrId.get(), describeWait);
            synchronized (stack) {
                return List.of(Views.stack(stack));
            }
        }
        List<StackDescription> result = new ArrayList<>();
        for (StackState stack : store.live()) {
            synchronized (stack) {
                result.add(Views.stack(stack));
            }
        }
        return result;
    }

    /** Events, newest first. */
    public List<StackEvent> describeStackEvents(String stackNameOrId) {
        StackState stack = actions.stackForEvents(stackNameOrId);
        synchronized (stack) {
            List<StackEvent> events = new ArrayList<>();
            for (int i = stack.events.size() - 1; i >= 0; i--) {
                events.add(Views.event(stack, stack.events.get(i)));
            }
            return events;
        }
    }

    public StackResourceDescription describeStackResource(String stackNameOrId, String logicalResourceId) {
        StackState stack = actions.stack(stackNameOrId);
        synchronized (stack) {
            ResourceState r = stack.resources.get(logicalResourceId);
            if (r == null) {
                throw ValidationError.of("Resource " + logicalResourceId + " does not exist for stack "
                        + stack.stackName);
            }
            Template.Resource def = engine.templateOf(stack).resources.get(logicalResourceId);
            String metadata = def == null || def.metadata().isMissingNode() ? "" : def.metadata().toString();
            return Views.resource(stack, r, metadata);
        }
    }

    /** Resources of a stack, or of the stack owning {@code physicalResourceId}; optionally one logical id. */
    public List<StackResourceDescription> describeStackResources(Optional<String> stackNameOrId,
            Optional<String> logicalResourceId, Optional<String> physicalResourceId) {
        StackState stack;
        if (stackNameOrId.isPresent()) {
            stack = actions.stack(stackNameOrId.get());
        } else if (physicalResourceId.isPresent()) {
            stack = store.live().stream().filter(s -> {
                synchronized (s) {
                    return s.resources.values().stream().anyMatch(r -> r.physicalId().equals(physicalResourceId.get()));
                }
            }).findFirst().orElseThrow(() -> ValidationError.stackNotFound(physicalResourceId.get()));
        } else {
            throw ValidationError.of("Either StackName or PhysicalResourceId must be specified.");
        }
        synchronized (stack) {
            return stack.resources.values().stream()
                    .filter(r -> logicalResourceId.map(r.logicalId()::equals).orElse(true))
                    .map(r -> Views.resource(stack, r, "")).toList();
        }
    }

    public List<StackResourceDescription> listStackResources(String stackNameOrId) {
        return describeStackResources(Optional.of(stackNameOrId), Optional.empty(), Optional.empty());
    }

    /** Stacks (deleted ones included, as AWS keeps them for 90 days) whose status is in the filter, if any. */
    public List<StackDescription> listStacks(Set<String> statusFilter) {
        List<StackDescription> result = new ArrayList<>();
        for (StackState stack : store.all()) {
            synchronized (stack) {
                if (statusFilter.isEmpty() || statusFilter.contains(stack.status)) {
                    result.add(Views.stack(stack));
                }
            }
        }
        return result;
    }

    /** The template of a stack, or of one of its change sets. */
    public String getTemplate(String stackNameOrId, Optional<String> changeSetName) {
        if (changeSetName.isPresent()) {
            return actions.changeSet(changeSetName.get(), Optional.of(stackNameOrId)).changeSet().templateBody;
        }
        StackState stack = actions.stack(stackNameOrId);
        synchronized (stack) {
            return stack.templateBody;
        }
    }

    /** Summary of a template given by body, URL, or an existing stack. */
    public TemplateSummary getTemplateSummary(Optional<String> templateBody, Optional<String> templateUrl,
            Optional<String> stackName) {
        if (stackName.isPresent() && templateBody.isEmpty() && templateUrl.isEmpty()) {
            return actions.summary(engine.templateOf(actions.stack(stackName.get())));
        }
        return validateTemplate(templateBody, templateUrl);
    }

    public ChangeSetDescription createChangeSet(StackRequest request) {
        return actions.createChangeSet(request);
    }

    public ChangeSetDescription describeChangeSet(String changeSetNameOrArn, Optional<String> stackName) {
        StackActions.Found found = actions.changeSet(changeSetNameOrArn, stackName);
        synchronized (found.stack()) {
            return Views.changeSet(found.stack(), found.changeSet());
        }
    }

    public void executeChangeSet(String changeSetNameOrArn, Optional<String> stackName) {
        actions.executeChangeSet(changeSetNameOrArn, stackName);
    }

    public void deleteChangeSet(String changeSetNameOrArn, Optional<String> stackName) {
        actions.deleteChangeSet(changeSetNameOrArn, stackName);
    }

    public List<ChangeSetDescription> listChangeSets(String stackNameOrId) {
        StackState stack = actions.stack(stackNameOrId);
        synchronized (stack) {
            return stack.changeSets.values().stream().map(c -> Views.changeSet(stack, c)).toList();
        }
    }

    public List<Export> listExports() {
        List<Export> exports = new ArrayList<>();
        for (StackState stack : store.live()) {
            synchronized (stack) {
                stack.outputs.stream().filter(o -> !o.exportName().isEmpty())
                        .forEach(o -> exports.add(new Export(stack.stackId, o.exportName(), o.value())));
            }
        }
        return exports;
    }

    /** Names of the stacks importing an export. */
    public List<String> listImports(String exportName) {
        List<String> importers = new ArrayList<>();
        for (StackState stack : store.live()) {
            if (stack.imports.contains(exportName)) {
                importers.add(stack.stackName);
            }
        }
        if (importers.isEmpty()) {
            throw ValidationError.of("Export '" + exportName + "' is not imported by any stack.");
        }
        return importers;
    }

    /** Waits until the stack's status is final (not *_IN_PROGRESS) or {@code timeout} passed; returns it. */
    public StackDescription awaitSettled(String stackNameOrId, Duration timeout) {
        StackState stack = actions.awaitSettled(stackNameOrId, timeout);
        synchronized (stack) {
            return Views.stack(stack);
        }
    }

    /** This service as the edge server hosts it: the Query protocol at "cloudformation". */
    public CloudService asCloudService() {
        HttpHandler handler = new QueryHandler(this);
        CloudFormationService self = this;
        return new CloudService() {
            @Override
            public String name() {
                return "cloudformation";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("cloudformation");
            }

            @Override
            public HttpHandler handler() {
                return handler;
            }

            @Override
            public void close() {
                self.close();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Configuration; every setting has a default suited to tests. */
    public static final class Builder {
        private final List<ResourceProvider> providers = new ArrayList<>();
        private ObjectReader objectReader = (bucket, key) -> Optional.empty();
        private Optional<Path> dataDir = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private String region = AwsDefaults.REGION;
        private String accountId = AwsDefaults.ACCOUNT_ID;
        private Duration describeWait = Duration.ofSeconds(2);
        private IamStore iam = new IamStore();

        private Builder() {}

        /** Providers of the other services; they override built-in ones of the same type. */
        public Builder providers(Collection<? extends ResourceProvider> providers) {
            this.providers.addAll(providers);
            return this;
        }

        /** Reads TemplateURL objects from the local S3. */
        public Builder objectReader(ObjectReader objectReader) {
            this.objectReader = objectReader;
            return this;
        }

        /** CloudFormation's own directory; stacks are persisted under {@code stacks/} in it. Empty: memory only. */
        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * How long DescribeStacks for one stack may wait for an in-progress stack to settle before
         * answering (default 2 s; zero answers at once). AWS CLI waiters poll every 30 s, so
         * answering with the final status saves a local deploy half a minute.
         */
        public Builder describeWait(Duration describeWait) {
            this.describeWait = describeWait;
            return this;
        }

        /** Where the IAM providers record roles and policies (share it with an IAM service). */
        public Builder iam(IamStore iam) {
            this.iam = iam;
            return this;
        }

        public CloudFormationService build() {
            return new CloudFormationService(this);
        }
    }
}
