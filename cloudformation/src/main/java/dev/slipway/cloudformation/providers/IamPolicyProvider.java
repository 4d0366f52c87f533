package dev.slipway.cloudformation.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Optional;

/** AWS::IAM::Policy: an inline policy put on roles (users and groups are recorded nowhere). */
final class IamPolicyProvider implements ResourceProvider {
    private final IamStore store;

    IamPolicyProvider(IamStore store) {
        this.store = store;
    }

    @Override
    public String type() {
        return "AWS::IAM::Policy";
    }

    @Override
    public Result create(Request request) throws ResourceFailure {
        ObjectNode p = request.properties();
        if (!p.has("PolicyName") || !p.has("PolicyDocument")) {
            throw new ResourceFailure("Properties validation failed for resource " + request.logicalId()
                    + " with message: #: required key [" + (p.has("PolicyName") ? "PolicyDocument" : "PolicyName")
                    + "] not found");
        }
        for (JsonNode role : p.path("Roles")) {
            if (store.role(role.asText()).isEmpty()) {
                throw new ResourceFailure("The role with name " + role.asText() + " cannot be found.");
            }
        }
        attach(p);
        // AWS's physical id for an inline policy is generated from the stack and logical id
        String id = IamStore.generatedName(request.stackName().substring(0, Math.min(5, request.stackName().length())),
                request.logicalId().substring(0, Math.min(4, request.logicalId().length())), 30);
        return new Result(id, Map.of());
    }

    @Override
    public Result update(Request request) throws ResourceFailure {
        request.previousProperties().ifPresent(this::detach);
        attach(request.properties());
        return new Result(request.physicalId().orElseThrow(), Map.of());
    }

    @Override
    public void delete(Request request) {
        detach(request.properties());
    }

    private void attach(ObjectNode p) {
        String name = p.path("PolicyName").asText();
        p.path("Roles").forEach(role -> store.putInlinePolicy(role.asText(), name, p.path("PolicyDocument")));
    }

    private void detach(ObjectNode p) {
        String name = p.path("PolicyName").asText();
        Optional.of(p.path("Roles")).ifPresent(roles -> roles.forEach(r -> store.removeInlinePolicy(r.asText(), name)));
    }
}
