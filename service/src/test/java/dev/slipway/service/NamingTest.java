package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases from Serverless Framework v3's naming.js (lib/plugins/aws/lib/naming.js) and its tests. */
class NamingTest {
    @Test
    void functionNames_replaceDashAndUnderscore() {
        assertThat(Naming.lambdaFunction("api-fn")).isEqualTo("ApiDashfnLambdaFunction");
        assertThat(Naming.logGroup("worker_fn")).isEqualTo("WorkerUnderscorefnLogGroup");
        assertThat(Naming.functionName("users")).isEqualTo("Users");
    }

    @Test
    void paths_capitalizeEachPartAndMarkVariables() {
        assertThat(Naming.resource("items/{id}/sub_part")).isEqualTo("ApiGatewayResourceItemsIdVarSubpart");
        assertThat(Naming.resource("users/{userId}")).isEqualTo("ApiGatewayResourceUsersUseridVar");
        assertThat(Naming.resource("my-path")).isEqualTo("ApiGatewayResourceMyDashpath");
        assertThat(Naming.resource("{proxy+}")).isEqualTo("ApiGatewayResourceProxyVar");
        assertThat(Naming.method(Naming.path(""), "GET")).isEqualTo("ApiGatewayMethodGet");
        assertThat(Naming.method(Naming.path("users"), "ANY")).isEqualTo("ApiGatewayMethodUsersAny");
    }

    @Test
    void httpApiRoutes_normalizeTheRouteKey() {
        assertThat(Naming.httpApiRoute("GET /things/{thingId}")).isEqualTo("HttpApiRouteGetThingsThingidVar");
        assertThat(Naming.httpApiRoute("*")).isEqualTo("HttpApiRouteDefault");
    }

    @Test
    void eventSources_useAlphanumericNames() {
        assertThat(Naming.queue("worker", "my-queue")).isEqualTo("WorkerEventSourceMappingSQSMyqueue");
        assertThat(Naming.stream("worker", "dynamodb", "Table")).isEqualTo("WorkerEventSourceMappingDynamodbTable");
        assertThat(Naming.topic("rewards-topic")).isEqualTo("SNSTopicRewardstopic");
        assertThat(Naming.bucket("my.bucket")).isEqualTo("S3BucketMybucket");
        assertThat(Naming.lambdaVersion("users", "ab+/c=")).isEqualTo("UsersLambdaVersionabc");
    }
}
