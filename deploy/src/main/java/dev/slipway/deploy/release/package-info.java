/**
 * Releases: versions, the release alias, the deployment history and rollback, through the Lambda
 * and S3 APIs only, so the same code runs against AWS and the local cloud.
 *
 * <p>Every versioned function is released behind an alias ({@code live}, or
 * {@code custom.slipway.alias}) that API Gateway, schedules and event sources invoke. A
 * {@link dev.slipway.deploy.release.Release} reads where each alias points, applies the stack
 * (which publishes the new versions), records a {@link dev.slipway.deploy.release.Deployment} in
 * the {@link dev.slipway.deploy.release.DeploymentHistory} (one JSON object per deployment under
 * {@code slipway/<stack>/deployments/} in the deployment bucket) and moves the traffic with a
 * {@link dev.slipway.deploy.release.Shift} ({@code AllAtOnce} here; gradual strategies plug in the
 * same way). {@link dev.slipway.deploy.release.Rollback} switches aliases back at once.
 *
 * <p>Gradual releases: {@link dev.slipway.deploy.release.TrafficShifter} is the {@code Shift} of the
 * {@link dev.slipway.deploy.release.Strategy strategies} with CodeDeploy's names (canary, linear,
 * blue/green), configured per function by {@link dev.slipway.deploy.release.ReleaseSettings}. It moves
 * weights with UpdateAlias routing only, reads gates while each step holds (the new version's own
 * metrics on the local cloud, CloudWatch alarms on AWS), runs pre/post-traffic hook functions, and
 * puts every alias back on its old version when anything fails.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>AWS keeps deployment history in CodeDeploy (for gradual deployments) or nowhere (the
 *       Serverless Framework's {@code sls deploy list} reads the artifact folders); Slipway keeps its
 *       own records in the deployment bucket, so the history is only as complete as the deploys made
 *       with Slipway.</li>
 *   <li>A rollback does not touch the CloudFormation stack: the stack still names the newer version,
 *       and the next {@code slipway deploy} releases what the working tree holds (the same version
 *       again if nothing changed).</li>
 *   <li>Two concurrent releases of one stack are not locked against each other; CloudFormation
 *       refuses the second stack update, but a rollback during a gradual shift races with it.</li>
 *   <li>Gradual releases are driven by {@code slipway deploy} itself (no CodeDeploy deployment group):
 *       the shift runs only while the command runs; Ctrl-C or a kill puts the aliases back, a
 *       {@code kill -9} can leave a weight on the new version until the next rollback or deploy.</li>
 *   <li>Local gates read per-version metrics from a local-only endpoint of the local cloud
 *       ({@code GET /_slipway/lambda/metrics/FN?Version=N&After=SEQ}); AWS has none, so there the
 *       gates are CloudWatch alarms, read over CloudWatch's JSON 1.0 protocol (the SDK's client speaks
 *       only CBOR, which emulators such as moto_server do not serve). Hooks pass by returning; they
 *       need not call PutLifecycleEventHookExecutionStatus.</li>
 * </ul>
 */
package dev.slipway.deploy.release;
