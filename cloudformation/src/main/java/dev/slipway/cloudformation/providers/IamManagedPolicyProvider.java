package dev.slipway.cloudformation.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Set;

/** AWS::IAM::ManagedPolicy: Ref is the policy ARN; attributes PolicyArn, PolicyId, DefaultVersionId. */
final class IamManagedPolicyProvider implements ResourceProvider {
    private final IamStore store;
    private final String accountId;

    IamManagedPolicyProvider(IamStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    @Override
    public String type() {
        return "AWS::IAM::ManagedPolicy";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("ManagedPolicyName", "Path", "Description");
    }

    @Override
    public Result create(Request request) throws ResourceFailure {
        ObjectNode p = request.properties();
        if (!p.has("PolicyDocument")) {
            throw new ResourceFailure("Properties validation failed for resource " + request.logicalId()
                    + " with message: #: required key [PolicyDocument] not found");
        }
        String name = p.path("ManagedPolicyName").asText("");
        if (name.isEmpty()) {
            name = IamStore.generatedName(request.stackName(), request.logicalId(), 128);
        }
        String path = p.path("Path").asText("/");
        String arn = "arn:aws:iam::" + accountId + ":policy" + path + name;
        if (store.managedPolicy(arn).isPresent()) {
            throw new ResourceFailure("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        return save(name, arn, path, "ANPA" + IamStore.random(17), p, 1);
    }

    @Override
    public Result update(Request request) {
        String arn = request.physicalId().orElseThrow();
        IamStore.ManagedPolicy old = store.managedPolicy(arn).orElseThrow();
        int version = Integer.parseInt(request.previousAttributes().getOrDefault("DefaultVersionId",
                TextNode.valueOf("v1")).asText().substring(1)) + 1;
        return save(old.name(), arn, old.path(), old.policyId(), request.properties(), version);
    }

    private Result save(String name, String arn, String path, String policyId, ObjectNode p, int version) {
        store.putManagedPolicy(new IamStore.ManagedPolicy(name, arn, policyId, path, p.path("PolicyDocument")));
        return new Result(arn, Map.of("PolicyArn", TextNode.valueOf(arn), "PolicyId", TextNode.valueOf(policyId),
                "DefaultVersionId", TextNode.valueOf("v" + version)));
    }

    @Override
    public void delete(Request request) {
        request.physicalId().ifPresent(store::removeManagedPolicy);
    }
}
