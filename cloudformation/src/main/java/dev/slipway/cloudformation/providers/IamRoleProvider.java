package dev.slipway.cloudformation.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** AWS::IAM::Role: Ref is the role name; attributes Arn and RoleId. */
final class IamRoleProvider implements ResourceProvider {
    private final IamStore store;
    private final String accountId;

    IamRoleProvider(IamStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    @Override
    public String type() {
        return "AWS::IAM::Role";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("RoleName", "Path");
    }

    @Override
    public Result create(Request request) throws ResourceFailure {
        ObjectNode p = request.properties();
        if (!p.has("AssumeRolePolicyDocument")) {
            throw new ResourceFailure("Properties validation failed for resource " + request.logicalId()
                    + " with message: #: required key [AssumeRolePolicyDocument] not found");
        }
        String name = p.path("RoleName").asText("");
        if (name.isEmpty()) {
            name = IamStore.generatedName(request.stackName(), request.logicalId(), 64);
        } else if (store.role(name).isPresent()) {
            throw new ResourceFailure(name + " already exists");
        }
        return save(name, "AROA" + IamStore.random(17), p);
    }

    @Override
    public Result update(Request request) {
        String name = request.physicalId().orElseThrow();
        String roleId = store.role(name).map(IamStore.Role::roleId).orElse("AROA" + IamStore.random(17));
        return save(name, roleId, request.properties());
    }

    private Result save(String name, String roleId, ObjectNode p) {
        String path = p.path("Path").asText("/");
        String arn = "arn:aws:iam::" + accountId + ":role" + path + name;
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        p.path("Policies").forEach(policy -> inline.put(policy.path("PolicyName").asText(),
                policy.path("PolicyDocument")));
        store.role(name).ifPresent(existing -> existing.inlinePolicies().forEach(inline::putIfAbsent));
        store.putRole(new IamStore.Role(name, arn, roleId, path, p.path("AssumeRolePolicyDocument"), inline,
                p.path("ManagedPolicyArns")));
        return new Result(name, Map.of("Arn", TextNode.valueOf(arn), "RoleId", TextNode.valueOf(roleId)));
    }

    @Override
    public void delete(Request request) {
        request.physicalId().ifPresent(store::removeRole);
    }
}
