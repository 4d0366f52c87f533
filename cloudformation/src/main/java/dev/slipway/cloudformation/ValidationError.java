package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;
import java.util.Collection;

/**
 * CloudFormation's {@code ValidationError} (HTTP 400, Sender). Messages were taken from AWS's
 * documentation, re:Post threads and recorded CLI output (2026-11); where the exact text could not
 * be confirmed the factory says so.
 */
public final class ValidationError extends AwsServiceException {
    ValidationError(String message) {
        super("ValidationError", message, 400);
    }

    static ValidationError of(String message) {
        return new ValidationError(message);
    }

    /** A NextToken this service did not hand out (AWS's exact text not confirmed). */
    static ValidationError invalidNextToken() {
        return new ValidationError("Invalid NextToken");
    }

    static ValidationError templateFormat(String detail) {
        return new ValidationError("Template format error: " + detail);
    }

    static ValidationError templateError(String detail) {
        return new ValidationError("Template error: " + detail);
    }

    static ValidationError jsonNotWellFormed(long line, long column) {
        return templateFormat("JSON not well-formed. (line " + line + ", column " + column + ")");
    }

    static ValidationError yamlNotWellFormed(long line, long column) {
        return templateFormat("YAML not well-formed. (line " + line + ", column " + column + ")");
    }

    static ValidationError notAnObject() {
        return templateFormat("template must be a JSON or YAML object");
    }

    static ValidationError noResources() {
        return templateFormat("At least one Resources member must be defined.");
    }

    static ValidationError missingType() {
        return templateFormat("Every Resources object must contain a Type member.");
    }

    static ValidationError invalidTemplateProperties(Collection<String> names) {
        return templateFormat("Invalid template property or properties " + list(names));
    }

    /** No "Template format error:" prefix on this one (troposphere#140, recorded CLI output, 2014). */
    static ValidationError invalidResourceAttribute(String name) {
        return new ValidationError("Invalid template resource property '" + name + "'");
    }

    /** serverless#1443 (2016). */
    static ValidationError resourceNotAnObject() {
        return templateFormat("Every Resources member must be an object.");
    }

    /** cfn-lint#2758 (2023). */
    static ValidationError metadataNotAnObject() {
        return templateFormat("Any Metadata member must be an object.");
    }

    /** Wording not confirmed; formed like the Metadata one. */
    static ValidationError propertiesNotAnObject() {
        return templateFormat("Any Properties member must be an object.");
    }

    static ValidationError unrecognizedResourceTypes(Collection<String> types) {
        return templateFormat("Unrecognized resource types: " + list(types));
    }

    static ValidationError unresolvedDependencies(Collection<String> names, String block) {
        return templateFormat("Unresolved resource dependencies " + list(names) + " in the " + block
                + " block of the template");
    }

    static ValidationError unresolvedConditions(Collection<String> names, String block) {
        return templateFormat("Unresolved condition dependencies " + list(names) + " in the " + block
                + " block of the template");
    }

    static ValidationError circularDependency(Collection<String> names) {
        return new ValidationError("Circular dependency between resources: " + list(names));
    }

    static ValidationError getAttUndefined(String resource) {
        return templateError("instance of Fn::GetAtt references undefined resource " + resource);
    }

    static ValidationError unrecognizedParameterType(String type) {
        return templateFormat("Unrecognized parameter type: " + type);
    }

    static ValidationError parametersMissing(Collection<String> names) {
        return new ValidationError("Parameters: " + list(names) + " must have values");
    }

    static ValidationError parametersUnknown(Collection<String> names) {
        return new ValidationError("Parameters: " + list(names) + " do not exist in the template");
    }

    /** "Parameter 'P' must match pattern ^[a-z]+$" is AWS's (recorded 2026-09); the other constraints follow its form. */
    static ValidationError parameterConstraint(String name, String what) {
        return new ValidationError("Parameter '" + name + "' " + what);
    }

    static ValidationError parameterConstraintDescription(String name, String description) {
        // "Parameter CreateVPNEndpoint failed to satisfy constraint: Must specify 'true' or 'false'" (boto error, 2020)
        return new ValidationError("Parameter " + name + " failed to satisfy constraint: " + description);
    }

    static ValidationError stackNotFound(String nameOrId) {
        return new ValidationError("Stack with id " + nameOrId + " does not exist");
    }

    static ValidationError stackNotFoundBracket(String nameOrId) {
        return new ValidationError("Stack [" + nameOrId + "] does not exist");
    }

    static ValidationError noUpdates() {
        return new ValidationError("No updates are to be performed.");
    }

    static ValidationError cannotUpdate(String stackId, String status) {
        return new ValidationError("Stack:" + stackId + " is in " + status + " state and can not be updated.");
    }

    static ValidationError inProgress(String stackId, String status, String action) {
        return new ValidationError("Stack:" + stackId + " is in " + status + " state and can not be " + action
                + ".");
    }

    static ValidationError missingParameter(String name) {
        return new ValidationError("1 validation error detected: Value null at '" + name
                + "' failed to satisfy constraint: Member must not be null");
    }

    static ValidationError templateRequired() {
        return new ValidationError("Either Template URL or Template Body must be specified.");
    }

    static ValidationError bothTemplates() {
        return new ValidationError("You cannot specify both TemplateURL and TemplateBody in the same request.");
    }

    static ValidationError templateUrl(String url) {
        return new ValidationError("TemplateURL must be a supported URL.");
    }

    static ValidationError templateUrlUnreadable(String url) {
        return new ValidationError("S3 error: Access Denied or the object does not exist: " + url);
    }

    static ValidationError exportInUse(String export, String importingStack) {
        return new ValidationError("Export " + export + " cannot be deleted as it is in use by " + importingStack);
    }

    static ValidationError exportMissing(String name) {
        return new ValidationError("No export named " + name + " found.");
    }

    static ValidationError exportAlreadyExists(String name, String stackName) {
        return new ValidationError("Export with name " + name + " is already exported by stack " + stackName);
    }

    static ValidationError changeSetNameTaken(String name) {
        return new ValidationError("ChangeSet " + name + " cannot be created due to a mismatch with existing "
                + "attribute Template");
    }

    static ValidationError stackExistsForCreateChangeSet(String name) {
        return new ValidationError("Stack [" + name + "] already exists and cannot be created again with the "
                + "changeSet [CREATE] type.");
    }

    static ValidationError invalidChangeSetType(String type) {
        return new ValidationError("1 validation error detected: Value '" + type + "' at 'changeSetType' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]");
    }

    static String list(Collection<String> names) {
        return "[" + String.join(", ", names) + "]";
    }
}
