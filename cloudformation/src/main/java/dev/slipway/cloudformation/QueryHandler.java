package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CloudFormation's Query protocol: {@code Action=…&Version=2010-05-15} form-encoded (POST body or
 * GET query) in, XML in the 2010-05-15 namespace out, errors as {@code <ErrorResponse>}. Shapes
 * follow botocore's cloudformation service-2.json; one method per action renders its result.
 */
final class QueryHandler implements HttpHandler {
    static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final CloudFormationService service;

    QueryHandler(CloudFormationService service) {
        this.service = service;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        Map<String, List<String>> form = new LinkedHashMap<>(request.queryParameters());
        if (request.method().equals("POST")) {
            HttpRequest.parseQuery(request.bodyAsString()).forEach((k, v) -> form.computeIfAbsent(k,
                    x -> new ArrayList<>()).addAll(v));
        }
        Params p = new Params(form);
        String action = p.get("Action").orElse("");
        try {
            Xml result = new Xml();
            switch (action) {
                case "ValidateTemplate" -> summary(result, service.validateTemplate(p.get("TemplateBody"),
                        p.get("TemplateURL")), false);
                case "GetTemplateSummary" -> summary(result, service.getTemplateSummary(p.get("TemplateBody"),
                        p.get("TemplateURL"), p.get("StackName")), true);
                case "CreateStack" -> result.element("StackId", service.createStack(stackRequest(p)));
                case "UpdateStack" -> result.element("StackId", service.updateStack(stackRequest(p)));
                case "CancelUpdateStack" -> service.cancelUpdateStack(p.required("StackName"));
                case "DeleteStack" -> service.deleteStack(p.required("StackName"), p.list("RetainResources"));
                case "DescribeStacks" -> describeStacks(result, service.describeStacks(p.get("StackName")));
                case "ListStacks" -> listStacks(result, service.listStacks(new LinkedHashSet<>(
                        p.list("StackStatusFilter"))));
                case "DescribeStackEvents" -> events(result, service.describeStackEvents(p.required("StackName")),
                        p.get("NextToken"));
                case "DescribeStackResource" -> resourceDetail(result, service.describeStackResource(
                        p.required("StackName"), p.required("LogicalResourceId")));
                case "DescribeStackResources" -> resources(result, service.describeStackResources(p.get("StackName"),
                        p.get("LogicalResourceId"), p.get("PhysicalResourceId")));
                case "ListStackResources" -> resourceSummaries(result,
                        service.listStackResources(p.required("StackName")));
                case "GetTemplate" -> result.element("TemplateBody", service.getTemplate(
                        p.get("StackName").orElse(""), p.get("ChangeSetName")))
                        .open("StagesAvailable").element("member", "Original").element("member", "Processed")
                        .close("StagesAvailable");
                case "CreateChangeSet" -> {
                    ChangeSetDescription cs = service.createChangeSet(stackRequest(p));
                    result.element("Id", cs.changeSetId()).element("StackId", cs.stackId());
                }
                case "DescribeChangeSet" -> describeChangeSet(result, service.describeChangeSet(
                        p.required("ChangeSetName"), p.get("StackName")));
                case "ExecuteChangeSet" -> service.executeChangeSet(p.required("ChangeSetName"), p.get("StackName"));
                case "DeleteChangeSet" -> service.deleteChangeSet(p.required("ChangeSetName"), p.get("StackName"));
                case "ListChangeSets" -> listChangeSets(result, service.listChangeSets(p.required("StackName")));
                case "ListExports" -> listExports(result, service.listExports());
                case "ListImports" -> {
                    result.open("Imports");
                    service.listImports(p.required("ExportName")).forEach(n -> result.element("member", n));
                    result.close("Imports");
                }
                default -> throw new AwsServiceException("InvalidAction", "The action " + action
                        + " is not valid for this web service.", 400);
            }
            return ok(action, result, requestId);
        } catch (AwsServiceException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            return error(new AwsServiceException("InternalFailure", StackEngine.reason(e), 500, false), requestId);
        }
    }

    private static HttpResponse ok(String action, Xml result, String requestId) {
        StringBuilder body = new StringBuilder(new Xml().openNs(action + "Response", NS).toString());
        if (!action.equals("DeleteStack")) { // the only action whose output shape is absent from the model
            body.append(new Xml().open(action + "Result")).append(result).append(new Xml().close(action + "Result"));
        }
        body.append(new Xml().open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata")
                .close(action + "Response"));
        return xmlResponse(200, body.toString(), requestId);
    }

    private static HttpResponse error(AwsServiceException e, String requestId) {
        Xml xml = new Xml().openNs("ErrorResponse", NS).open("Error")
                .element("Type", e.senderFault() ? "Sender" : "Receiver").element("Code", e.errorCode())
                .element("Message", e.getMessage()).close("Error").element("RequestId", requestId)
                .close("ErrorResponse");
        return xmlResponse(e.httpStatus(), xml.toString(), requestId);
    }

    private static HttpResponse xmlResponse(int status, String body, String requestId) {
        return HttpResponse.status(status).header("Content-Type", "text/xml").header("x-amzn-RequestId", requestId)
                .body(body);
    }

    private static StackRequest stackRequest(Params p) {
        List<Parameter> parameters = new ArrayList<>();
        for (Map<String, String> m : p.members("Parameters")) {
            parameters.add(new Parameter(m.getOrDefault("ParameterKey", ""), m.getOrDefault("ParameterValue", ""),
                    "true".equals(m.get("UsePreviousValue"))));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map<String, String> m : p.members("Tags")) {
            tags.put(m.getOrDefault("Key", ""), m.getOrDefault("Value", ""));
        }
        String onFailure = p.get("OnFailure").orElse("true".equals(p.get("DisableRollback").orElse(""))
                ? "DO_NOTHING" : "ROLLBACK");
        return new StackRequest(p.required("StackName"), p.get("TemplateBody"), p.get("TemplateURL"),
                "true".equals(p.get("UsePreviousTemplate").orElse("")), parameters, p.list("Capabilities"), tags,
                p.list("NotificationARNs"), onFailure, p.get("ChangeSetName").orElse(""),
                p.get("ChangeSetType").orElse(""), p.get("Description").orElse(""));
    }

    private static void summary(Xml x, TemplateSummary s, boolean full) {
        x.open("Parameters");
        for (TemplateSummary.ParameterDeclaration d : s.parameters()) {
            x.open("member").element("ParameterKey", d.parameterKey()).element("DefaultValue", d.defaultValue());
            if (full) {
                x.element("ParameterType", d.parameterType());
            }
            x.element("NoEcho", d.noEcho()).element("Description", d.description());
            if (full && !d.allowedValues().isEmpty()) {
                x.open("ParameterConstraints").open("AllowedValues");
                d.allowedValues().forEach(v -> x.element("member", v));
                x.close("AllowedValues").close("ParameterConstraints");
            }
            x.close("member");
        }
        x.close("Parameters").element("Description", s.description());
        if (!s.capabilities().isEmpty()) {
            x.open("Capabilities");
            s.capabilities().forEach(c -> x.element("member", c));
            x.close("Capabilities").element("CapabilitiesReason", s.capabilitiesReason());
        }
        x.open("DeclaredTransforms").close("DeclaredTransforms");
        if (full) {
            x.open("ResourceTypes");
            s.resourceTypes().forEach(t -> x.element("member", t));
            x.close("ResourceTypes").element("Version", s.version());
        }
    }

    private static void describeStacks(Xml x, List<StackDescription> stacks) {
        x.open("Stacks");
        for (StackDescription s : stacks) {
            x.open("member");
            stack(x, s);
            x.close("member");
        }
        x.close("Stacks");
    }

    private static void stack(Xml x, StackDescription s) {
        x.element("StackId", s.stackId()).element("StackName", s.stackName()).element("ChangeSetId", s.changeSetId())
                .element("Description", s.description());
        x.open("Parameters");
        s.parameters().forEach(p -> x.open("member").element("ParameterKey", p.key())
                .element("ParameterValue", p.value()).close("member"));
        x.close("Parameters");
        x.element("CreationTime", s.creationTime());
        s.deletionTime().ifPresent(t -> x.element("DeletionTime", t));
        s.lastUpdatedTime().ifPresent(t -> x.element("LastUpdatedTime", t));
        x.open("RollbackConfiguration").close("RollbackConfiguration");
        x.element("StackStatus", s.stackStatus()).element("StackStatusReason", s.stackStatusReason())
                .element("DisableRollback", s.disableRollback());
        x.open("NotificationARNs");
        s.notificationArns().forEach(a -> x.element("member", a));
        x.close("NotificationARNs");
        if (!s.capabilities().isEmpty()) {
            x.open("Capabilities");
            s.capabilities().forEach(c -> x.element("member", c));
            x.close("Capabilities");
        }
        if (!s.outputs().isEmpty()) {
            x.open("Outputs");
            s.outputs().forEach(o -> x.open("member").element("OutputKey", o.outputKey())
                    .element("OutputValue", o.outputValue()).element("Description", o.description())
                    .element("ExportName", o.exportName()).close("member"));
            x.close("Outputs");
        }
        x.open("Tags");
        s.tags().forEach((k, v) -> x.open("member").element("Key", k).element("Value", v).close("member"));
        x.close("Tags");
        x.element("EnableTerminationProtection", false);
        x.open("DriftInformation").element("StackDriftStatus", "NOT_CHECKED").close("DriftInformation");
    }

    private static void listStacks(Xml x, List<StackDescription> stacks) {
        x.open("StackSummaries");
        for (StackDescription s : stacks) {
            x.open("member").element("StackId", s.stackId()).element("StackName", s.stackName())
                    .element("TemplateDescription", s.description()).element("CreationTime", s.creationTime());
            s.lastUpdatedTime().ifPresent(t -> x.element("LastUpdatedTime", t));
            s.deletionTime().ifPresent(t -> x.element("DeletionTime", t));
            x.element("StackStatus", s.stackStatus()).element("StackStatusReason", s.stackStatusReason())
                    .open("DriftInformation").element("StackDriftStatus", "NOT_CHECKED").close("DriftInformation")
                    .close("member");
        }
        x.close("StackSummaries");
    }

    /** Events a DescribeStackEvents page holds, as on AWS; the rest comes with its NextToken. */
    static final int EVENTS_PAGE = 100;
    private static final String EVENTS_TOKEN = "events-";

    /**
     * One page of a stack's events, newest first. The token counts the events older than the page
     * (from the oldest), so events that arrive between two pages do not shift the next page.
     */
    private static void events(Xml x, List<StackEvent> newestFirst, Optional<String> nextToken) {
        int total = newestFirst.size();
        int older = nextToken.map(QueryHandler::eventsToken).orElse(total);
        int from = total - Math.min(older, total);
        int to = Math.min(total, from + EVENTS_PAGE);
        List<StackEvent> events = newestFirst.subList(from, to);
        if (to < total) {
            x.element("NextToken", EVENTS_TOKEN + (total - to));
        }
        x.open("StackEvents");
        for (StackEvent e : events) {
            x.open("member").element("StackId", e.stackId()).element("EventId", e.eventId())
                    .element("StackName", e.stackName()).element("LogicalResourceId", e.logicalResourceId())
                    .element("PhysicalResourceId", e.physicalResourceId()).element("ResourceType", e.resourceType())
                    .element("Timestamp", e.timestamp()).element("ResourceStatus", e.resourceStatus())
                    .element("ResourceStatusReason", e.resourceStatusReason())
                    .element("ResourceProperties", e.resourceProperties()).close("member");
        }
        x.close("StackEvents");
    }

    private static int eventsToken(String token) {
        try {
            if (token.startsWith(EVENTS_TOKEN)) {
                return Math.max(0, Integer.parseInt(token.substring(EVENTS_TOKEN.length())));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ValidationError.invalidNextToken();
    }

    private static void resourceDetail(Xml x, StackResourceDescription r) {
        x.open("StackResourceDetail").element("StackName", r.stackName()).element("StackId", r.stackId())
                .element("LogicalResourceId", r.logicalResourceId())
                .element("PhysicalResourceId", r.physicalResourceId()).element("ResourceType", r.resourceType())
                .element("LastUpdatedTimestamp", r.lastUpdated()).element("ResourceStatus", r.resourceStatus())
                .element("ResourceStatusReason", r.resourceStatusReason()).element("Metadata", r.metadata())
                .open("DriftInformation").element("StackResourceDriftStatus", "NOT_CHECKED").close("DriftInformation")
                .close("StackResourceDetail");
    }

    private static void resources(Xml x, List<StackResourceDescription> resources) {
        x.open("StackResources");
        for (StackResourceDescription r : resources) {
            x.open("member").element("StackName", r.stackName()).element("StackId", r.stackId())
                    .element("LogicalResourceId", r.logicalResourceId())
                    .element("PhysicalResourceId", r.physicalResourceId()).element("ResourceType", r.resourceType())
                    .element("Timestamp", r.lastUpdated()).element("ResourceStatus", r.resourceStatus())
                    .element("ResourceStatusReason", r.resourceStatusReason())
                    .open("DriftInformation").element("StackResourceDriftStatus", "NOT_CHECKED")
                    .close("DriftInformation").close("member");
        }
        x.close("StackResources");
    }

    private static void resourceSummaries(Xml x, List<StackResourceDescription> resources) {
        x.open("StackResourceSummaries");
        for (StackResourceDescription r : resources) {
            x.open("member").element("LogicalResourceId", r.logicalResourceId())
                    .element("PhysicalResourceId", r.physicalResourceId()).element("ResourceType", r.resourceType())
                    .element("LastUpdatedTimestamp", r.lastUpdated()).element("ResourceStatus", r.resourceStatus())
                    .element("ResourceStatusReason", r.resourceStatusReason())
                    .open("DriftInformation").element("StackResourceDriftStatus", "NOT_CHECKED")
                    .close("DriftInformation").close("member");
        }
        x.close("StackResourceSummaries");
    }

    private static void describeChangeSet(Xml x, ChangeSetDescription c) {
        x.element("ChangeSetName", c.changeSetName()).element("ChangeSetId", c.changeSetId())
                .element("StackId", c.stackId()).element("StackName", c.stackName())
                .element("Description", c.description());
        x.open("Parameters");
        c.parameters().forEach(p -> x.open("member").element("ParameterKey", p.key())
                .element("ParameterValue", p.value()).close("member"));
        x.close("Parameters");
        x.element("CreationTime", c.creationTime()).element("ExecutionStatus", c.executionStatus())
                .element("Status", c.status()).element("StatusReason", c.statusReason());
        x.open("NotificationARNs").close("NotificationARNs");
        x.open("RollbackConfiguration").close("RollbackConfiguration");
        if (!c.capabilities().isEmpty()) {
            x.open("Capabilities");
            c.capabilities().forEach(v -> x.element("member", v));
            x.close("Capabilities");
        }
        x.open("Tags");
        c.tags().forEach((k, v) -> x.open("member").element("Key", k).element("Value", v).close("member"));
        x.close("Tags");
        x.open("Changes");
        for (ResourceChange rc : c.changes()) {
            x.open("member").element("Type", "Resource").open("ResourceChange").element("Action", rc.action())
                    .element("LogicalResourceId", rc.logicalResourceId())
                    .element("PhysicalResourceId", rc.physicalResourceId())
                    .element("ResourceType", rc.resourceType()).element("Replacement", rc.replacement());
            x.open("Scope");
            rc.scope().forEach(s -> x.element("member", s));
            x.close("Scope").open("Details");
            for (ResourceChange.Detail d : rc.details()) {
                x.open("member").open("Target").element("Attribute", d.attribute()).element("Name", d.name())
                        .element("RequiresRecreation", d.requiresRecreation()).close("Target")
                        .element("Evaluation", d.evaluation()).element("ChangeSource", d.changeSource())
                        .element("CausingEntity", d.causingEntity()).close("member");
            }
            x.close("Details").close("ResourceChange").close("member");
        }
        x.close("Changes").element("IncludeNestedStacks", false);
    }

    private static void listChangeSets(Xml x, List<ChangeSetDescription> changeSets) {
        x.open("Summaries");
        for (ChangeSetDescription c : changeSets) {
            x.open("member").element("StackId", c.stackId()).element("StackName", c.stackName())
                    .element("ChangeSetId", c.changeSetId()).element("ChangeSetName", c.changeSetName())
                    .element("ExecutionStatus", c.executionStatus()).element("Status", c.status())
                    .element("StatusReason", c.statusReason()).element("CreationTime", c.creationTime())
                    .element("Description", c.description()).element("IncludeNestedStacks", false).close("member");
        }
        x.close("Summaries");
    }

    private static void listExports(Xml x, List<Export> exports) {
        x.open("Exports");
        exports.forEach(e -> x.open("member").element("ExportingStackId", e.exportingStackId())
                .element("Name", e.name()).element("Value", e.value()).close("member"));
        x.close("Exports");
    }

    /** Form parameters with the Query protocol's {@code Name.member.N[.Field]} lists. */
    private record Params(Map<String, List<String>> form) {
        Optional<String> get(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        String required(String name) {
            return get(name).filter(v -> !v.isEmpty()).orElseThrow(() -> ValidationError.missingParameter(
                    Character.toLowerCase(name.charAt(0)) + name.substring(1)));
        }

        List<String> list(String name) {
            List<String> out = new ArrayList<>();
            for (int i = 1; get(name + ".member." + i).isPresent(); i++) {
                out.add(get(name + ".member." + i).get());
            }
            return out;
        }

        List<Map<String, String>> members(String name) {
            List<Map<String, String>> out = new ArrayList<>();
            for (int i = 1; ; i++) {
                String prefix = name + ".member." + i + ".";
                Map<String, String> member = new LinkedHashMap<>();
                form.forEach((k, v) -> {
                    if (k.startsWith(prefix) && !v.isEmpty()) {
                        member.put(k.substring(prefix.length()), v.get(0));
                    }
                });
                if (member.isEmpty()) {
                    return out;
                }
                out.add(member);
            }
        }
    }
}
