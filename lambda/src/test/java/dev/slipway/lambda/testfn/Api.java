package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** An API Gateway proxy handler (aws-lambda-java-events from the package's lib/). */
public class Api implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String who = event.getQueryStringParameters() == null ? "nobody" : event.getQueryStringParameters().get("who");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(event.getHttpMethod() + " " + event.getPath() + " for " + who + " ("
                        + event.getRequestContext().getRequestId() + ") body=" + event.getBody());
    }
}
