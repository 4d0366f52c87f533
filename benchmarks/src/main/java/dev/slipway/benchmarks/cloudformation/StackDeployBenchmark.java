package dev.slipway.benchmarks.cloudformation;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.cloudformation.CloudFormationService;
import dev.slipway.cloudformation.Parameter;
import dev.slipway.cloudformation.StackRequest;
import dev.slipway.protocol.spi.ResourceProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CloudFormation engine's own cost for a peer-rewards-sized stack (25 resources shaped like
 * a Serverless Framework template: roles, log groups, functions, versions, aliases, permissions,
 * tables, API resources) with providers that do no work: create, and an update changing one
 * function's property. Baseline: calling the same providers directly in template order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StackDeployBenchmark {
    static final String TEMPLATE = template();

    private CloudFormationService cfn;
    private final AtomicInteger stacks = new AtomicInteger();
    private final NoopProvider provider = new NoopProvider();
    private String updateStack;
    private int updateCounter;

    static String template() {
        StringBuilder t = new StringBuilder("Parameters:\n  Code:\n    Type: String\n    Default: v0\nResources:\n");
        t.append("  Role:\n    Type: Bench::Thing\n  Table1:\n    Type: Bench::Thing\n  Table2:\n    Type: Bench::Thing\n");
        t.append("  Api:\n    Type: Bench::Thing\n");
        for (int i = 1; i <= 3; i++) {
            t.append("  Logs").append(i).append(":\n    Type: Bench::Thing\n");
            t.append("  Fn").append(i).append(":\n    Type: Bench::Thing\n    DependsOn: [Logs").append(i)
                    .append("]\n    Properties:\n      Role: !GetAtt Role.Arn\n      Table: !Ref Table1\n")
                    .append("      Code: !Sub '${Code}-").append(i).append("'\n");
            t.append("  Ver").append(i).append(":\n    Type: Bench::Thing\n    Properties:\n      Fn: !Ref Fn")
                    .append(i).append("\n      Code: !Sub '${Code}-").append(i).append("'\n");
            t.append("  Alias").append(i).append(":\n    Type: Bench::Thing\n    Properties:\n      Version: !GetAtt Ver")
                    .append(i).append(".Arn\n");
            t.append("  Perm").append(i).append(":\n    Type: Bench::Thing\n    Properties:\n      Fn: !Ref Alias")
                    .append(i).append("\n      Api: !Ref Api\n");
            t.append("  Route").append(i).append(":\n    Type: Bench::Thing\n    Properties:\n      Target: !Ref Alias")
                    .append(i).append("\n");
        }
        t.append("  Deployment:\n    Type: Bench::Thing\n    DependsOn: [Route1, Route2, Route3]\n");
        t.append("  Stage:\n    Type: Bench::Thing\n    Properties:\n      Deployment: !Ref Deployment\n");
        return t.toString();
    }

    @Setup(Level.Trial)
    public void setUp() {
        cfn = CloudFormationService.builder().providers(List.of(provider)).build();
        updateStack = "update-" + stacks.incrementAndGet();
        cfn.createStack(StackRequest.of(updateStack, TEMPLATE, List.of()));
        cfn.awaitSettled(updateStack, Duration.ofSeconds(30));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cfn.close();
    }

    @Benchmark
    public String createStack25Resources() {
        String name = "create-" + stacks.incrementAndGet();
        cfn.createStack(StackRequest.of(name, TEMPLATE, List.of()));
        return cfn.awaitSettled(name, Duration.ofSeconds(30)).stackStatus();
    }

    @Benchmark
    public String updateOneFunctionsCode() {
        cfn.updateStack(StackRequest.of(updateStack, TEMPLATE, List.of(Parameter.of("Code", "v" + ++updateCounter))));
        return cfn.awaitSettled(updateStack, Duration.ofSeconds(30)).stackStatus();
    }

    /** Baseline: 25 direct provider calls, no template, no engine. */
    @Benchmark
    public int baselineDirectProviderCalls() throws Exception {
        int n = 0;
        for (int i = 0; i < 25; i++) {
            n += provider.create(null).physicalId().length();
        }
        return n;
    }

    static final class NoopProvider implements ResourceProvider {
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public String type() {
            return "Bench::Thing";
        }

        @Override
        public Result create(Request request) {
            String id = "thing-" + ids.incrementAndGet();
            return new Result(id, Map.of("Arn", TextNode.valueOf("arn:aws:bench:::" + id)));
        }

        @Override
        public Result update(Request request) {
            return new Result(request.physicalId().orElseThrow(), request.previousAttributes());
        }

        @Override
        public void delete(Request request) {}
    }
}
