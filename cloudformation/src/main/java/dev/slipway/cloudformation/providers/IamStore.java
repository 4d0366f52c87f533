package dev.slipway.cloudformation.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IAM roles, inline policies and managed policies as CloudFormation created them. Only recorded:
 * nothing evaluates these policies yet (see the package documentation).
 */
public final class IamStore {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A role; {@code inlinePolicies} by policy name, from AWS::IAM::Role Policies and AWS::IAM::Policy. */
    public record Role(String name, String arn, String roleId, String path, JsonNode assumeRolePolicyDocument,
            Map<String, JsonNode> inlinePolicies, JsonNode managedPolicyArns) {}

    /** A customer managed policy. */
    public record ManagedPolicy(String name, String arn, String policyId, String path, JsonNode document) {}

    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, ManagedPolicy> managedPolicies = new ConcurrentHashMap<>();

    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public Optional<ManagedPolicy> managedPolicy(String arn) {
        return Optional.ofNullable(managedPolicies.get(arn));
    }

    void putRole(Role role) {
        roles.put(role.name(), role);
    }

    void removeRole(String name) {
        roles.remove(name);
    }

    synchronized void putInlinePolicy(String roleName, String policyName, JsonNode document) {
        roles.computeIfPresent(roleName, (k, r) -> {
            Map<String, JsonNode> policies = new LinkedHashMap<>(r.inlinePolicies());
            policies.put(policyName, document);
            return new Role(r.name(), r.arn(), r.roleId(), r.path(), r.assumeRolePolicyDocument(), policies,
                    r.managedPolicyArns());
        });
    }

    synchronized void removeInlinePolicy(String roleName, String policyName) {
        roles.computeIfPresent(roleName, (k, r) -> {
            Map<String, JsonNode> policies = new LinkedHashMap<>(r.inlinePolicies());
            policies.remove(policyName);
            return new Role(r.name(), r.arn(), r.roleId(), r.path(), r.assumeRolePolicyDocument(), policies,
                    r.managedPolicyArns());
        });
    }

    void putManagedPolicy(ManagedPolicy policy) {
        managedPolicies.put(policy.arn(), policy);
    }

    void removeManagedPolicy(String arn) {
        managedPolicies.remove(arn);
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A name as CloudFormation generates it: {@code stack-LogicalId-RANDOM}, at most {@code max} characters. */
    static String generatedName(String stackName, String logicalId, int max) {
        String suffix = "-" + random(12);
        String base = stackName + "-" + logicalId;
        if (base.length() + suffix.length() > max) {
            base = base.substring(0, max - suffix.length());
        }
        return base + suffix;
    }
}
