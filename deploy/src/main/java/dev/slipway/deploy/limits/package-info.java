/**
 * Lambda's limits checked before anything is deployed, with messages that name the function, the
 * size, the limit and a fix. {@link dev.slipway.deploy.limits.LambdaLimits} names the limits in one
 * place; {@link dev.slipway.deploy.limits.ArtifactLimits} checks each function's artifact and
 * environment (run by {@code ArtifactBuilder.buildAndCheck}, so package, deploy, offline and
 * {@code @SlipwayTest} all see it); {@link dev.slipway.deploy.limits.CodeStorage} checks the region's
 * code storage through GetAccountSettings before a deploy; {@link dev.slipway.deploy.limits.ArtifactReport}
 * is {@code slipway package --report}. A crossed limit is an error (non-zero exit), 80 % of one a warning.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>The unzipped size is the sum of the zip's entry sizes from its central directory; Lambda measures
 *       the extracted files, which is the same for ordinary jars. Layers given by ARN are not measured
 *       (they are not on this machine) and the message says so.</li>
 *   <li>Environment values that are CloudFormation intrinsics ({@code Ref}, {@code Fn::GetAtt}) are counted
 *       as written, an estimate of the string they resolve to.</li>
 *   <li>The code storage a deploy adds is estimated as one new version per function with an artifact, the
 *       artifact's size each; an unchanged function publishes no version, so this errs on the safe side.
 *       Layer versions the deploy would publish are not counted.</li>
 *   <li>The 50 MB zipped limit is only a warning: it applies to direct uploads (Code.ZipFile), and
 *       {@code slipway deploy} always uploads through S3.</li>
 * </ul>
 */
package dev.slipway.deploy.limits;
