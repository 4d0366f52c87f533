package dev.slipway.benchmarks.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the benchmark's service: 50 functions with 100 events (50 http with CORS, 25 httpApi,
 * 25 schedules), variables in every function, two DynamoDB tables, and an artifact jar holding
 * every handler class. {@code main(dir)} writes it for running {@code sls package} on the same file.
 */
public final class GeneratedService {
    public static final int FUNCTIONS = 50;

    private GeneratedService() {}

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        StringBuilder y = new StringBuilder();
        y.append("service: bench-service\nframeworkVersion: '3'\n")
                .append("custom:\n  tablePrefix: ${sls:stage}-bench\n  memory: ${opt:memory, 512}\n")
                .append("provider:\n  name: aws\n  runtime: java21\n  stage: dev\n  region: eu-central-1\n")
                .append("  memorySize: ${self:custom.memory}\n  timeout: 10\n")
                .append("  environment:\n    TABLE_PREFIX: ${self:custom.tablePrefix}\n")
                .append("  iam:\n    role:\n      statements:\n        - Effect: Allow\n")
                .append("          Action: ['dynamodb:*']\n          Resource:\n")
                .append("            - !GetAtt UsersTable.Arn\n            - !GetAtt RewardsTable.Arn\n")
                .append("package:\n  artifact: target/bench.jar\nfunctions:\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            y.append("  fn").append(i).append(":\n")
                    .append("    handler: bench.Handler").append(i).append("\n")
                    .append("    environment:\n      FUNCTION_INDEX: 'n-").append(i).append("-${sls:stage}'\n")
                    .append("    events:\n")
                    .append("      - http:\n          path: resource").append(i).append("/{id}\n")
                    .append("          method: get\n          cors: true\n");
            if (i % 2 == 0) {
                y.append("      - httpApi: 'POST /items").append(i).append("'\n");
            } else {
                y.append("      - schedule:\n          rate: rate(").append(i + 2).append(" minutes)\n")
                        .append("          enabled: false\n");
            }
        }
        y.append("resources:\n  Resources:\n");
        for (String table : new String[] {"Users", "Rewards"}) {
            y.append("    ").append(table).append("Table:\n      Type: AWS::DynamoDB::Table\n      Properties:\n")
                    .append("        TableName: ${self:custom.tablePrefix}-").append(table.toLowerCase()).append("\n")
                    .append("        BillingMode: PAY_PER_REQUEST\n")
                    .append("        AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n")
                    .append("        KeySchema: [{AttributeName: id, KeyType: HASH}]\n");
        }
        Files.writeString(dir.resolve("serverless.yml"), y.toString());
        try (OutputStream o = Files.newOutputStream(dir.resolve("target/bench.jar"));
                ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < FUNCTIONS; i++) {
                z.putNextEntry(new ZipEntry("bench/Handler" + i + ".class"));
                z.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, (byte) i});
                z.closeEntry();
            }
        }
        return dir;
    }

    public static void main(String[] args) throws IOException {
        System.out.println("wrote " + write(Path.of(args[0])));
    }
}
