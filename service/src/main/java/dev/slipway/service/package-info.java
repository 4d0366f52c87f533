/**
 * serverless.yml as users write it for Serverless Framework v3: load, resolve, validate, compile.
 *
 * <p>Facade: {@link dev.slipway.service.ServiceProject#load} (with {@link dev.slipway.service.LoadOptions})
 * gives the typed {@link dev.slipway.service.Service} and every {@link dev.slipway.service.Problem}
 * (file:line:column, what, how to fix); {@link dev.slipway.service.CloudFormationCompiler#compile} turns
 * the service into the {@link dev.slipway.service.CompiledStack} the deployer applies.
 *
 * <p>Phases: {@code YamlReader} (YAML/JSON → Jackson tree + positions, CloudFormation short-form tags
 * → long form) → {@code VariableResolver} (lazy, cycle-checked, the Framework's sources and
 * fallbacks) → {@code ModelBuilder} and {@code EventReader}, both over {@code ConfigReader} (typed model; unknown keys with "did you mean", wrong types)
 * → {@code Validator} (schedules, routes, artifact and handler classes, Lambda limits, runtimes)
 * → compiler ({@code CloudFormationCompiler}, {@code RestApiCompiler}, {@code HttpApiCompiler},
 * {@code EventSourceCompiler}; names from {@link dev.slipway.service.Naming}).
 *
 * <h2>Differences from the Serverless Framework (v3.40.0)</h2>
 * <ul>
 *   <li>Event types compiled: http (Lambda proxy; Lambda TOKEN/REQUEST authorizers of this service's
 *       functions, Cognito user pools, {@code aws_iam}; API keys and the usage plan; not external
 *       Lambda-ARN authorizer permissions), httpApi (JWT and {@code aws_iam} authorizers; Lambda "request" authorizers
 *       are not compiled), schedule (EventBridge rules, not the Scheduler
 *       {@code method}), sqs, sns, s3 (new buckets, not {@code existing: true}), stream. Other event
 *       types are accepted with a warning and not compiled.</li>
 *   <li>Not compiled: layers defined in {@code layers:}, function URLs, destinations/onError, VPC,
 *       per-key usage plans, request schemas/models, API Gateway logs and stage settings,
 *       {@code provider.stackPolicy}/{@code notificationArns}.</li>
 *   <li>On purpose: every versioned function gets a release alias {@code <Fn>LambdaAlias} ({@code live},
 *       or {@code custom.slipway.alias}) on its new version, and every event, authorizer and
 *       permission names the alias instead of the function ($LATEST); provisioned concurrency sits on
 *       that alias. {@link dev.slipway.service.CompileOptions#withoutReleaseAlias()} compiles the
 *       Framework's own template (the corpus test checks it against {@code sls package}); there, events
 *       of a function with provisioned concurrency target the function, not the Framework's
 *       {@code provisioned} alias.</li>
 *   <li>Variables: {@code ${file(x.js)}} (JavaScript) and plugin-provided sources are refused; an
 *       {@code ${ssm:…}}/{@code ${cf:…}}/{@code ${s3:…}}/{@code ${aws:accountId}} needs a
 *       {@link dev.slipway.service.VariableSource}. Keys are not resolved (as in v3).</li>
 *   <li>Version logical IDs hash the artifact and the function's properties as v3's default
 *       algorithm does; {@code localeCompare} key order is approximated by an English collator,
 *       identical for CloudFormation's ASCII property names.</li>
 *   <li>Validation goes further than the Framework (handler classes in the artifact, schedule
 *       expressions, Lambda limits) and reports every problem at once instead of stopping at the
 *       first; {@code configValidationMode} is not consulted.</li>
 * </ul>
 */
package dev.slipway.service;
