/**
 * The local cloud: every Slipway service in one process behind one edge port on 127.0.0.1.
 *
 * <p>{@link dev.slipway.cloud.LocalCloud} starts the edge server first (so its URL is known),
 * then the services, wired through their Java APIs: Lambda reads code from S3 and writes logs to
 * CloudWatch Logs; API Gateway and schedules invoke Lambda through
 * {@link dev.slipway.protocol.spi.FunctionInvoker}; CloudFormation drives every service's
 * {@link dev.slipway.protocol.spi.ResourceProvider}s.
 *
 * <p>The edge server is an ordered chain declared in one place ({@code EdgeRouter.standardChain}):
 * health ({@code GET /_slipway/health}), service dispatch (by {@code X-Amz-Target} prefix, then the
 * SigV4 credential scope's service, then services claiming unsigned requests: API Gateway's
 * execute-api URLs before S3 website hosting), and a final handler that says which service is not
 * served. A handler that fails yields a 500 naming it.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Signatures are not verified and IAM policies are not evaluated: any credentials are
 *       accepted. Workers get credentials valid only here, so their SDK calls stay local.</li>
 *   <li>One account ({@code 000000000000}) and one region per process ({@code us-east-1}).</li>
 *   <li>With {@code --data-dir}, each service persists its own state under a subfolder
 *       ({@code dynamodb/}, {@code lambda/}, {@code s3/}, {@code logs/}, {@code cloudformation/},
 *       {@code apigateway/}, {@code events/}); worker JVMs are started again on first use.</li>
 * </ul>
 */
package dev.slipway.cloud;
