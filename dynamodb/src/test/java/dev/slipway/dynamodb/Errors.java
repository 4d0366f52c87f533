package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Asserts DynamoDB's exact error code, message and status as the SDK received them. */
final class Errors {
    private Errors() {}

    static DynamoDbException assertFails(ThrowingCallable call, String code, String message) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(DynamoDbException.class);
        DynamoDbException e = (DynamoDbException) t;
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }
}
