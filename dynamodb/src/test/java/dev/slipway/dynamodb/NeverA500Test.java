package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed and half-formed requests to every action: always a 4xx with a DynamoDB error, never a 500. */
class NeverA500Test extends ServerFixture {
    private static final List<String> ACTIONS = List.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable",
            "DeleteTable", "PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
            "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "UpdateTimeToLive", "DescribeTimeToLive",
            "TagResource", "UntagResource", "ListTagsOfResource", "ExecuteStatement", "BatchExecuteStatement",
            "ExecuteTransaction");

    @Test
    void oddRequests_getClientErrors() throws Exception {
        String t = table("odd", true);
        List<String> bodies = List.of("{}", "[]", "null", "{\"TableName\":\"" + t + "\"}",
                "{\"TableName\":5,\"Key\":[],\"Item\":\"x\"}",
                "{\"TableName\":\"" + t + "\",\"Key\":{\"pk\":{}},\"Item\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}",
                "{\"TableName\":\"" + t + "\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}},\"UpdateExpression\":\"SET\"}",
                "{\"TableName\":\"" + t + "\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"N\":\"x\"}}}",
                "{\"TableName\":\"" + t + "\",\"ExclusiveStartKey\":{\"pk\":{\"N\":\"1\"}},\"Limit\":-1,\"Segment\":\"a\"}",
                "{\"RequestItems\":{\"" + t + "\":[{}]},\"TransactItems\":[{\"Put\":{}},\"x\"],\"Statements\":[{}]}",
                "{\"RequestItems\":{\"" + t + "\":{\"Keys\":[{\"pk\":{\"S\":\"\"}}]}}}",
                "{\"TransactItems\":[{\"Update\":{\"TableName\":\"" + t + "\"}}],\"TransactStatements\":[{\"Statement\":\"SELECT\"}]}",
                "{\"TableName\":\"" + t + "\",\"GlobalSecondaryIndexUpdates\":[{\"Create\":{}},{\"Delete\":{}},{\"Update\":{}}]}",
                "{\"TableName\":\"" + t + "\",\"AttributeDefinitions\":[{}],\"KeySchema\":[{},{},{}],"
                        + "\"GlobalSecondaryIndexes\":[{\"KeySchema\":[]}],\"LocalSecondaryIndexes\":[]}",
                "{\"TableName\":\"x" + t + "\",\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"idx\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}]}]}",
                "{\"ResourceArn\":\"nope\",\"Tags\":[{}],\"TagKeys\":[1],\"TimeToLiveSpecification\":{}}",
                "{\"Statement\":\"UPDATE x SET\",\"Parameters\":[{}]}");
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        for (String action : ACTIONS) {
            for (String body : bodies) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                        .header("X-Amz-Target", "DynamoDB_20120810." + action)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !r.body().contains("\"__type\""))) {
                    failures.add(action + " " + body + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Each member of a plausible request replaced, one at a time, by values of every JSON type. */
    @Test
    void everyMemberWithEveryWrongType_getsClientErrors() throws Exception {
        String t = table("mut", true);
        String k = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}}";
        String template = "{\"TableName\":\"" + t + "\",\"Key\":" + k + ",\"Item\":" + k
                + ",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}},"
                + "\"ExclusiveStartKey\":" + k + ",\"Limit\":1,\"Select\":\"COUNT\",\"ReturnValues\":\"ALL_OLD\","
                + "\"RequestItems\":{\"" + t + "\":[{\"PutRequest\":{\"Item\":" + k + "}}]},"
                + "\"TransactItems\":[{\"Put\":{\"TableName\":\"" + t + "\",\"Item\":" + k + "}}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"Segment\":0,\"TotalSegments\":2,\"ConsistentRead\":true,\"ScanIndexForward\":false}";
        com.fasterxml.jackson.databind.node.ObjectNode base =
                (com.fasterxml.jackson.databind.node.ObjectNode) dev.slipway.protocol.Json.MAPPER.readTree(template);
        List<String> wrong = List.of("null", "5", "1.5", "\"x\"", "true", "[]", "{}", "[{}]", "{\"a\":{}}", "[\"x\"]");
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        List<String> members = new ArrayList<>();
        base.fieldNames().forEachRemaining(members::add);
        for (String action : List.of("PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchWriteItem",
                "TransactWriteItems", "CreateTable")) {
            for (String member : members) {
                for (String value : wrong) {
                    com.fasterxml.jackson.databind.node.ObjectNode body = base.deepCopy();
                    body.set(member, dev.slipway.protocol.Json.MAPPER.readTree(value));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                            .header("X-Amz-Target", "DynamoDB_20120810." + action)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() >= 500) {
                        failures.add(action + " " + member + "=" + value + " -> " + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
