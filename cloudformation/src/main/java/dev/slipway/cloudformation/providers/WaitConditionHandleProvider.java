package dev.slipway.cloudformation.providers;

import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.UUID;

/** AWS::CloudFormation::WaitConditionHandle: nothing to create; Ref is a (never used) signal URL. */
final class WaitConditionHandleProvider implements ResourceProvider {
    @Override
    public String type() {
        return "AWS::CloudFormation::WaitConditionHandle";
    }

    @Override
    public Result create(Request request) {
        return new Result("https://cloudformation-waitcondition-" + request.region() + ".s3.amazonaws.com/"
                + request.stackId().replace(":", "%3A").replace("/", "%2F") + "/" + request.logicalId() + "?"
                + UUID.randomUUID(), Map.of());
    }

    @Override
    public Result update(Request request) {
        return new Result(request.physicalId().orElseThrow(), Map.of());
    }

    @Override
    public void delete(Request request) {}
}
