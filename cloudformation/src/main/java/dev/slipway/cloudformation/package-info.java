/**
 * The local CloudFormation: {@link dev.slipway.cloudformation.CloudFormationService} (facade and
 * builder) with one method per action and a Query-protocol codec ({@code QueryHandler}).
 *
 * <h2>Phases</h2>
 * <ol>
 *   <li>{@code TemplateParser}: JSON or YAML (short-form tags to long form) into a Jackson tree.</li>
 *   <li>{@code Template}: sections, resources, explicit and implicit dependencies; format errors,
 *       unresolved references and cycles reported in CloudFormation's order and words.</li>
 *   <li>{@code Parameters}: declarations checked, values bound (defaults, UsePreviousValue,
 *       constraints).</li>
 *   <li>{@code Evaluator}: conditions and intrinsic functions against parameters, pseudo
 *       parameters, mappings, created resources and exports.</li>
 *   <li>{@code StackEngine} + {@code GraphRunner} (+ {@code StackUpdate}): resources in dependency
 *       order, independent ones in parallel; updates from the before/after diff (no change, in place, replacement when a
 *       provider's create-only property changed); rollbacks replay the recorded previous state.</li>
 *   <li>{@code ChangeSetPlanner}: the same diff, statically, for change sets.</li>
 *   <li>{@code StackStore}: state, apart from the logic; JSON files when a data directory is set.</li>
 * </ol>
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Change sets are computed while CreateChangeSet runs: they are CREATE_COMPLETE (or FAILED)
 *       when it returns, never CREATE_PENDING or CREATE_IN_PROGRESS.</li>
 *   <li>DescribeStacks naming one stack waits up to {@code describeWait} (2 s by default) for an
 *       in-progress stack to settle before answering, so CLI waiters (30 s poll interval) finish at
 *       their first poll. Every answer is one AWS could give; DescribeStackEvents never waits.</li>
 *   <li>Resource properties are not checked against AWS's resource schemas; each provider
 *       validates what it needs. Unknown AWS types pass validation and fail the stack with
 *       "Unsupported resource type X in the Slipway local cloud".</li>
 *   <li>IAM is recorded, never enforced (see the providers package); CAPABILITY_IAM and
 *       CAPABILITY_NAMED_IAM are required as on AWS.</li>
 *   <li>Not supported: transforms (SAM, AWS::LanguageExtensions, macros), nested stacks, custom
 *       resources, wait condition signals (a WaitCondition always ends at its Timeout, or when its
 *       stack's update is cancelled), stack policies, termination protection, rollback triggers,
 *       timeouts, notifications (NotificationARNs are recorded only), drift detection, resource
 *       import, StackSets, ContinueUpdateRollback, SignalResource; tags are not
 *       propagated to resources. Unimplemented actions answer InvalidAction naming the action.</li>
 *   <li>Fn::ImportValue of a missing export is rejected by the API call when its name does not
 *       depend on a resource; otherwise it fails the resource during the operation. An export name
 *       clash fails the stack (and rolls it back) when its outputs are written.</li>
 *   <li>Fn::GetAZs returns three zones (a, b, c); Fn::Cidr supports IPv4 only; SSM parameter types
 *       are accepted but their values are not looked up.</li>
 *   <li>DeletionPolicy Snapshot is treated as Delete; RetainExceptOnCreate as Delete.</li>
 *   <li>List actions return every result in one page (no NextToken). A stack keeps its latest
 *       2,000 events (AWS keeps them for 90 days).</li>
 *   <li>A stack operation interrupted by a restart is not resumed: the stack comes back as
 *       ROLLBACK_FAILED, UPDATE_ROLLBACK_FAILED or DELETE_FAILED with a reason saying so.</li>
 *   <li>Some error texts could not be confirmed against AWS; their factories in
 *       {@code ValidationError} say so.</li>
 * </ul>
 */
package dev.slipway.cloudformation;
