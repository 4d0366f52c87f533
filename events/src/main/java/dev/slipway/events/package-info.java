/**
 * EventBridge schedules for the local cloud.
 *
 * <p>The facade is {@link dev.slipway.events.EventsService}. Rules come from the AWS::Events::Rule
 * provider ({@code RuleProvider}) or the JSON 1.1 API ({@code EventsApi}); {@code Rules} keeps them
 * and fires them: {@code ScheduleExpression} parses {@code rate(…)} and {@code cron(…)}
 * ({@code CronExpression} computes next fire times in UTC), a {@link dev.slipway.events.Scheduler}
 * ticks {@code runDue()} against the injected clock, and {@code TargetInput} shapes what each
 * target receives (Input, InputPath, InputTransformer).
 *
 * <h2>Differences from AWS</h2>
 * <ul>
 *   <li>Only the default event bus; event patterns are stored but no events are matched against
 *       them (no PutEvents). AWS::Scheduler::Schedule (EventBridge Scheduler) is not emulated.</li>
 *   <li>Only Lambda targets are delivered (asynchronous invoke, whose retries are Lambda's);
 *       other targets are reported through the notices callback and skipped. No dead-letter queues,
 *       retry policies or RoleArn checks.</li>
 *   <li>A rate schedule's period counts from when the rule was created or enabled; AWS does the
 *       same but may start up to a minute later. Schedules fire within a tick (1 s by default) of
 *       their time, and every missed time is fired when the clock jumps ahead.</li>
 *   <li>{@code AWSEvents.SlipwayFireRule} is Slipway's own action (fire a rule now).</li>
 * </ul>
 */
package dev.slipway.events;
