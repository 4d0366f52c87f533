/**
 * API Gateway: REST (v1) and HTTP (v2) APIs for the local cloud.
 *
 * <p>The facade is {@link dev.slipway.apigateway.ApiGatewayService}. APIs are created by the
 * CloudFormation providers (AWS::ApiGateway::RestApi, Resource, Method, Deployment, Stage,
 * Authorizer, ApiKey, UsagePlan, UsagePlanKey, GatewayResponse; AWS::ApiGatewayV2::Api, Stage,
 * Integration, Route, Authorizer) exactly as the Serverless Framework v3 compiles {@code http} and {@code httpApi}
 * events. A REST deployment snapshots the routes ({@code PathTrie}); stages serve a deployment.
 * Requests flow Router → RestDataPlane / HttpApiDataPlane → (API key, authorizer) → event
 * (RestEvents / HttpApiEvents) → FunctionInvoker → ProxyResponses, with API Gateway's own error
 * answers in GatewayResponses. ControlPlane serves the read operations of the REST-JSON API.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Only AWS_PROXY (Lambda) and MOCK integrations; MOCK honours static response parameters and
 *       the Serverless Framework's CORS origin template, not general VTL. AWS, HTTP and HTTP_PROXY
 *       integrations answer 500 naming the type.</li>
 *   <li>No OpenAPI import (Body/BodyS3Location), request validators, models, gateway-response
 *       templates (a GatewayResponse's headers and status code do apply), usage-plan throttling or
 *       quotas, caching, resource policies.</li>
 *   <li>AWS_IAM methods only require an Authorization header, COGNITO_USER_POOLS methods only
 *       their token header: signatures and Cognito tokens are not verified.</li>
 *   <li>A base64 response body is always decoded (AWS also wants the Accept header to match
 *       binaryMediaTypes).</li>
 *   <li>State persists (with a data directory) as a journal of provider calls, replayed at startup.</li>
 *   <li>API keys: the key must be enabled and in a usage plan (or StageKeys) covering the stage;
 *       only the HEADER key source.</li>
 *   <li>HTTP API stages always serve the current routes (as with AutoDeploy, which the Serverless
 *       Framework sets).</li>
 *   <li>JWT authorizers take keys from a configured JWKS file/URL or a loopback issuer only, and
 *       only RS256.</li>
 *   <li>The control-plane API is read-only (get-rest-apis, get-resources, get-stages, …).</li>
 *   <li>A timed-out integration answers 504 at once; the function keeps running until Lambda's own
 *       timeout, as on AWS.</li>
 * </ul>
 */
package dev.slipway.apigateway;
