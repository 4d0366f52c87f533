/**
 * Pruning old published versions through the Lambda API, the same on AWS and on the local cloud.
 * {@link dev.slipway.deploy.prune.Pruner} plans (reads versions and aliases) and applies (deletes,
 * oldest first) for one function; {@link dev.slipway.deploy.prune.ServicePrune} does it for a service
 * and reports one line per function ({@code slipway prune}); {@link dev.slipway.deploy.prune.Housekeeping}
 * is what {@code slipway deploy} calls around a deployment: the code storage check before, and pruning
 * to {@code custom.slipway.prune.keep} after a successful one.
 *
 * <p>Never deleted: $LATEST (not a published version), the newest N versions, any version an alias
 * points at, and any version an alias routes a share of traffic to (RoutingConfig.AdditionalVersionWeights,
 * i.e. a shift in progress). Lambda itself refuses to delete a version an alias uses
 * (ResourceConflictException), so an alias moved between plan and delete is never broken: that
 * version is skipped and named.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Nothing AWS does itself: AWS keeps every version until it is deleted. Versions referenced by event
 *       source mappings or by provisioned concurrency configurations are not looked for (Slipway's services
 *       use the alias for both); on AWS, Lambda refuses those deletions and the version is reported as left.</li>
 *   <li>Layer versions are not pruned.</li>
 * </ul>
 */
package dev.slipway.deploy.prune;
