package dev.slipway.s3;

import dev.slipway.protocol.http.HttpResponse;
import java.util.Optional;

/**
 * Reads of bucket and object configurations that the local cloud does not let you change
 * (their Put actions answer NotImplemented), answered with what S3 answers for a new bucket
 * created since April 2023: no versioning, owner-only ACL, SSE-S3 default encryption, every
 * public access block on, BucketOwnerEnforced ownership, and no tags, CORS or lifecycle rules.
 * Tools that probe a bucket before using it (SAM, Terraform, the console) then work unchanged.
 */
final class DefaultConfigurations {
    private final ObjectStore store;

    DefaultConfigurations(ObjectStore store) {
        this.store = store;
    }

    /** The answer for a bucket GET sub-resource, if it is one of these. */
    Optional<HttpResponse> bucket(S3Request r) {
        String name = r.bucket();
        if (r.has("versioning")) {
            store.bucket(name);
            return xml(Xml.document("VersioningConfiguration").end("VersioningConfiguration"));
        }
        if (r.has("acl")) {
            store.bucket(name);
            return acl();
        }
        if (r.has("encryption")) {
            store.bucket(name);
            return xml(Xml.document("ServerSideEncryptionConfiguration").open("Rule")
                    .open("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", "AES256")
                    .close("ApplyServerSideEncryptionByDefault").element("BucketKeyEnabled", false).close("Rule")
                    .end("ServerSideEncryptionConfiguration"));
        }
        if (r.has("publicAccessBlock")) {
            store.bucket(name);
            return xml(Xml.document("PublicAccessBlockConfiguration").element("BlockPublicAcls", true)
                    .element("IgnorePublicAcls", true).element("BlockPublicPolicy", true)
                    .element("RestrictPublicBuckets", true).end("PublicAccessBlockConfiguration"));
        }
        if (r.has("ownershipControls")) {
            store.bucket(name);
            return xml(Xml.document("OwnershipControls").open("Rule").element("ObjectOwnership", "BucketOwnerEnforced")
                    .close("Rule").end("OwnershipControls"));
        }
        if (r.has("tagging")) {
            store.bucket(name);
            throw S3Exception.noSuchConfiguration("NoSuchTagSet", "The TagSet does not exist", name);
        }
        if (r.has("cors")) {
            store.bucket(name);
            throw S3Exception.noSuchConfiguration("NoSuchCORSConfiguration", "The CORS configuration does not exist", name);
        }
        if (r.has("lifecycle")) {
            store.bucket(name);
            throw S3Exception.noSuchConfiguration("NoSuchLifecycleConfiguration",
                    "The lifecycle configuration does not exist", name);
        }
        return Optional.empty();
    }

    /** The answer for an object GET sub-resource (?acl, ?tagging), if it is one of these. */
    Optional<HttpResponse> object(S3Request r) {
        if (r.has("acl") || r.has("tagging")) {
            store.object(store.bucket(r.bucket()), r.key());
            return r.has("acl") ? acl() : xml(Xml.document("Tagging").open("TagSet").close("TagSet").end("Tagging"));
        }
        return Optional.empty();
    }

    private static Optional<HttpResponse> acl() {
        String owner = BucketActions.ownerId();
        return xml(Xml.document("AccessControlPolicy").open("Owner").element("ID", owner).element("DisplayName", "slipway")
                .close("Owner").open("AccessControlList")
                .raw("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">")
                .element("ID", owner).element("DisplayName", "slipway").raw("</Grantee>")
                .element("Permission", "FULL_CONTROL").raw("</Grant>").close("AccessControlList")
                .end("AccessControlPolicy"));
    }

    private static Optional<HttpResponse> xml(byte[] body) {
        return Optional.of(BucketActions.xmlResponse(body));
    }
}
