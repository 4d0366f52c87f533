package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of every shape gives problems, never an exception; what loads also compiles. */
class RobustnessTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "just a string",
        "- a\n- b",
        "service: {name: x}",
        "service: x\nprovider: aws",
        "service: x\nfunctions: [a, b]",
        "service: x\nfunctions:\n  f:\n    handler: 3\n    events: [{http: null}]",
        "service: x\nfunctions:\n  f:\n    handler: a.B\n    events: [{schedule: {rate: [1, 2]}}, {sqs: {}}]",
        "service: x\nfunctions:\n  f:\n    handler: a.B\n    events: [{http: {path: [x], method: {}}}]",
        "service: x\nfunctions:\n  f:\n    handler: a.B\n    events: [{stream: 3}, {sns: [x]}, {s3: 1}, {httpApi: 5}]",
        "service: x\nfunctions:\n  f:\n    handler: a.B\n    events: [{http: {path: a, method: get, cors: 5}}]",
        "service: x\ncustom:\n  slipway: 3",
        "service: x\nresources: [1]",
        "service: x\npackage: {artifact: [x]}",
        "service: x\nprovider:\n  name: aws\n  environment: [a]\n  iam: {role: 3}",
        "service: x\nprovider:\n  name: aws\n  httpApi: {authorizers: 3, cors: 1}\n  apiGateway: {apiKeys: 3}",
        "service: x\ncustom:\n  a: ${self:custom.a}",
        "service: x\ncustom:\n  a: ${",
        "service: x\ncustom:\n  a: ${self:custom.b.c.d}\n  b: 1",
        "service: x\ncustom:\n  a: ${file()}\n  b: ${file(../../../../etc/passwd):x}\n  c: ${opt:}",
        "service: x\ncustom:\n  a: ${sls:nothing}\n  b: ${aws:accountId}\n  c: '${env:A, ${env:B, \"x\"}}'",
        "service: x\nfunctions:\n  f:\n    handler: a.B\n    role: {Fn::GetAtt: [R, Arn]}\n    layers: 5",
    })
    void badInput_isReportedNeverThrown(String yaml) throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), yaml);
        ServiceProject p = ServiceProject.load(dir, new LoadOptions(Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Map.of()));
        assertThat(p.problems()).isNotEmpty();
        assertThat(p.problems()).allSatisfy(x -> assertThat(x.message()).isNotBlank());
        CompiledStack stack = CloudFormationCompiler.compile(p.service(), new CompileOptions(Instant.EPOCH,
                Optional.empty()));
        assertThat(stack.template().has("Resources")).isTrue();
    }
}
