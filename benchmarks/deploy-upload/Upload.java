// Thread CPU and wall time of one S3 PutObject of an artifact to the local cloud, signed as over HTTP
// (the SDK hashes the payload: what deploys did before) vs the local target's unsigned payload.
// Run by benchmarks/deploy-upload-cpu.sh (JDK source launcher, C1 only like the CLI).
import dev.slipway.deploy.Target;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

public class Upload {
    public static void main(String[] a) {
        URI ep = URI.create(a[0]);
        Path jar = Path.of(a[1]);
        Target local = Target.local(ep);
        Target signed = new Target(Target.Kind.AWS, Optional.of(ep), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        var mx = ManagementFactory.getThreadMXBean();
        try (S3Client u = local.s3(); S3Client s = signed.s3()) {
            u.createBucket(b -> b.bucket("upl"));
            for (int i = 0; i < 6; i++) {
                for (S3Client c : new S3Client[] {s, u}) {
                    long cpu = mx.getCurrentThreadCpuTime(); long t = System.nanoTime();
                    c.putObject(b -> b.bucket("upl").key("a.jar"), RequestBody.fromFile(jar));
                    System.out.printf("%s put: thread CPU %4d ms, wall %4d ms%n", c == u ? "unsigned (B)" : "signed   (A)",
                            (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - t) / 1_000_000);
                }
            }
        }
    }
}
