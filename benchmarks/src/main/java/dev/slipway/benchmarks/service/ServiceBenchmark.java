package dev.slipway.benchmarks.service;

import dev.slipway.service.CloudFormationCompiler;
import dev.slipway.service.CompileOptions;
import dev.slipway.service.CompiledStack;
import dev.slipway.service.LoadOptions;
import dev.slipway.service.ServiceProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * load + resolve + validate (handler classes looked up in the jar) + compile of a 50-function,
 * 100-event service ({@link GeneratedService}); the target is 300 ms. Single-shot mode measures
 * the first runs too (what a CLI invocation pays, minus JVM start), average time the warm path.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServiceBenchmark {
    Path dir;
    LoadOptions options;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = GeneratedService.write(Files.createTempDirectory("slipway-service-bench"));
        options = new LoadOptions(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Map.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public CompiledStack loadValidateCompile() {
        ServiceProject p = ServiceProject.load(dir, options);
        if (p.hasErrors()) {
            throw new IllegalStateException(p.problems().toString());
        }
        return CloudFormationCompiler.compile(p.service(), new CompileOptions(Instant.now(), Optional.empty()));
    }
}
