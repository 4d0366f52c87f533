package dev.slipway.apigateway;

import dev.slipway.protocol.AwsServiceException;

/** Errors of API Gateway's control-plane API (REST-JSON: {@code x-amzn-ErrorType} and {@code {"message": …}}). */
final class ApiGatewayException extends AwsServiceException {
    private ApiGatewayException(String code, String message, int status) {
        super(code, message, status);
    }

    static ApiGatewayException invalidRestApi(String accountId, String id) {
        return new ApiGatewayException("NotFoundException", "Invalid API identifier specified " + accountId + ":" + id,
                404);
    }

    static ApiGatewayException invalidStage(String name) {
        return new ApiGatewayException("NotFoundException", "Invalid stage identifier specified", 404);
    }

    static ApiGatewayException invalidHttpApi(String id) {
        return new ApiGatewayException("NotFoundException", "Invalid API identifier specified " + id, 404);
    }

    static ApiGatewayException notImplemented(String method, String path) {
        return new ApiGatewayException("BadRequestException", "Slipway does not implement the API Gateway "
                + "operation " + method + " " + path + " yet; create APIs through CloudFormation "
                + "(slipway deploy) instead", 400);
    }
}
