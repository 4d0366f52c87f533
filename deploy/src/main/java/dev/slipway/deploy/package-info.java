/**
 * The deployer: one code path to the local cloud and to AWS (DESIGN.md decision 5).
 *
 * <p>{@link dev.slipway.deploy.Deployer} does what the Serverless Framework's deploy does, through
 * the AWS SDK v2 with the endpoint chosen by {@link dev.slipway.deploy.Target}: a new stack is
 * created with the deployment bucket only; the artifacts are uploaded; the full template is
 * applied through a change set (empty change sets are "no changes"); the stack's events are
 * followed until it settles, and a failure names the first failing resource and the rollback's
 * outcome. A stack left mid-operation by an interrupted deploy is waited for; a first deployment
 * that rolled back is deleted and created again; an {@code UPDATE_ROLLBACK_FAILED} stack is
 * continued. {@link dev.slipway.deploy.ArtifactBuilder} builds a Maven service's artifact with the
 * JDK its runtime needs when the artifact is missing or older than its sources.
 *
 * <h2>Differences from the Serverless Framework</h2>
 * <ul>
 *   <li>Templates over 51,200 bytes go through S3 ({@code TemplateURL}); smaller ones are sent inline.</li>
 *   <li>An unchanged service still uploads its artifact (the Framework compares hashes first);
 *       CloudFormation then reports no changes.</li>
 *   <li>Each deploy is a release ({@link dev.slipway.deploy.release}): versions behind a release alias,
 *       a deployment history in the deployment bucket, rollback and traffic shifting, which the
 *       Framework leaves to plugins or CodeDeploy.</li>
 * </ul>
 */
package dev.slipway.deploy;
