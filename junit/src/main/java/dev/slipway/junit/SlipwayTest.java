package dev.slipway.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys a serverless service into a Slipway local cloud for the test class, under a fresh
 * disposable stage, and removes it afterwards. Test methods (and {@code @BeforeAll} methods) can
 * take a {@link DeployedService} parameter: the API base URL, AWS SDK clients configured for the
 * local cloud, schedules to fire and function logs to read.
 *
 * <p>The local cloud is started in-process once per test run and shared by every class that uses
 * this annotation, so only the first class pays for its start. Set the system property
 * {@code slipway.endpoint} (or {@link #endpoint}) to deploy into a cloud that already runs.
 *
 * <pre>{@code
 * @SlipwayTest(service = "examples/peer-rewards")
 * class UsersApiIT {
 *     @Test
 *     void registersAUser(DeployedService app) throws Exception {
 *         HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
 *                 URI.create(app.apiUrl() + "/users")).POST(BodyPublishers.ofString("{\"username\":\"ada\"}")).build(),
 *                 BodyHandlers.ofString());
 *         assertThat(r.statusCode()).isEqualTo(201);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SlipwayExtension.class)
public @interface SlipwayTest {
    /** The service folder (holding serverless.yml), relative to the working directory. */
    String service();

    /** The stage; empty means a fresh one per class, e.g. {@code t3f9a1c}. */
    String stage() default "";

    /** The edge URL of a running local cloud to deploy into; empty starts (or reuses) one in-process. */
    String endpoint() default "";

    /** Whether to remove the stage after the class (keep it to inspect it with the AWS CLI). */
    boolean remove() default true;
}
