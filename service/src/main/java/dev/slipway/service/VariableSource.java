package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Resolves the variable sources that need a deployment target: {@code ${ssm:/path}},
 * {@code ${cf:stack.Output}}, {@code ${s3:bucket/key}} and {@code ${aws:accountId}}. The deployer
 * supplies one that talks to the chosen target (the local cloud or AWS).
 */
@FunctionalInterface
public interface VariableSource {
    /**
     * @param type the source, e.g. {@code ssm}, {@code cf}, {@code s3}, {@code aws}
     * @param address what follows the colon, e.g. {@code /app/db-url} or {@code my-stack.TableName}
     * @return the value, or empty when the target has no such value (a default may then apply)
     * @throws RuntimeException with a user-facing message when the lookup itself fails
     */
    Optional<JsonNode> resolve(String type, String address);
}
