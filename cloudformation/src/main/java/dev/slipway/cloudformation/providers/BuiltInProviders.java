package dev.slipway.cloudformation.providers;

import dev.slipway.protocol.spi.ResourceProvider;
import java.util.List;

/** The providers CloudFormation brings itself: IAM (recorded only) and wait condition handles. */
public final class BuiltInProviders {
    private BuiltInProviders() {}

    public static List<ResourceProvider> all(String accountId) {
        return all(new IamStore(), accountId);
    }

    public static List<ResourceProvider> all(IamStore iam, String accountId) {
        return List.of(new IamRoleProvider(iam, accountId), new IamPolicyProvider(iam),
                new IamManagedPolicyProvider(iam, accountId), new WaitConditionHandleProvider());
    }
}
