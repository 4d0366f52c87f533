/**
 * Resource providers CloudFormation owns: {@code AWS::IAM::Role}, {@code AWS::IAM::Policy},
 * {@code AWS::IAM::ManagedPolicy} (recorded in an {@link dev.slipway.cloudformation.providers.IamStore})
 * and {@code AWS::CloudFormation::WaitConditionHandle}.
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>IAM is recorded, not enforced: no policy is evaluated, so a function whose role lacks a
 *       permission still succeeds locally. Roles have Arn and RoleId; managed policies PolicyArn,
 *       PolicyId and DefaultVersionId.</li>
 *   <li>AWS::IAM::Policy attached to Users or Groups is accepted and ignored.</li>
 *   <li>A wait condition handle's URL accepts no signals; AWS::CloudFormation::WaitCondition has no provider.</li>
 * </ul>
 */
package dev.slipway.cloudformation.providers;
