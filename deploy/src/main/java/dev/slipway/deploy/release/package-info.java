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
 * </ul>
 */
package dev.slipway.deploy.release;
