package vn.lienlac.functions.privacy.export;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;

/**
 * Exports in S3 ({@code ExportBucket}: SSE, public access blocked, objects expire after 1 day by a
 * lifecycle rule). A link is a SigV4 presigned GET ({@link S3Presigner}, no network call): S3 serves it
 * to whoever holds it, as often as asked, until it expires; Lienlac hands it out once (the job turns
 * DOWNLOADED in the same conditional update) and deletes the object soon after (the purge message).
 * Clients are built lazily: the API function only presigns, the worker only puts and deletes.
 */
public final class S3ExportStore implements ExportStore {
  /** The endpoint override, as the SDK names it for S3 (never set in AWS). */
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";
  private final String bucket;
  private final S3Presigner presigner;
  private final java.util.function.Supplier<S3Client> client;
  private S3Client built;

  public S3ExportStore(String bucket, S3Presigner presigner, java.util.function.Supplier<S3Client> client) {
    this.bucket = bucket;
    this.presigner = presigner;
    this.client = client;
  }

  static S3ExportStore fromEnvironment(Environment env) {
    String bucket = env.require(ExportStores.BUCKET);
    S3Presigner.Builder presigner = S3Presigner.builder()
        .region(Region.of(env.optional("AWS_REGION").orElse("ap-southeast-1")))
        .credentialsProvider(Dynamo.credentials(env));
    env.optional(ENDPOINT_VARIABLE).map(URI::create).ifPresent(presigner::endpointOverride);
    return new S3ExportStore(bucket, presigner.build(),
        () -> Dynamo.configure(S3Client.builder(), env, ENDPOINT_VARIABLE).build());
  }

  private synchronized S3Client client() {
    if (built == null) {
      built = client.get();
    }
    return built;
  }

  @Override
  public void put(String key, byte[] archive) {
    client().putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/zip")
        .contentDisposition("attachment; filename=\"lienlac-export.zip\"").build(), RequestBody.fromBytes(archive));
  }

  @Override
  public Link link(String key, Instant now, Duration validity) {
    PresignedGetObjectRequest presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
        .signatureDuration(validity)
        .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(key).build())
        .build());
    return new Link(URI.create(presigned.url().toString()), presigned.expiration());
  }

  @Override
  public void delete(String key) {
    client().deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
  }
}
