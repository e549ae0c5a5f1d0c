package vn.lienlac.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import vn.lienlac.functions.platform.Dynamo;
import vn.lienlac.functions.platform.Environment;
import vn.lienlac.functions.platform.Priming;

/**
 * The floor of the cold-start runner ({@link ColdStart}): the least a Lienlac function can be. The
 * same SDK setup as every function ({@link Dynamo#fromEnvironment}, same jar, same Lambda runtime
 * and event type), and per request one GetItem and a fixed answer: no routing, no directory
 * lookup, no Jackson of ours. Not a route of template.yaml and never deployed: the runner puts it
 * next to the deployment jar in a sandbox's task root.
 *
 * <p>Its priming, like the functions' ({@link Priming}), runs its request path once before the
 * snapshot, unless {@code LIENLAC_PRIMING=off}.
 */
public final class FloorFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
  private final Dynamo dynamo;
  private final GetItemRequest request;

  public FloorFunction() {
    Environment env = Environment.system();
    dynamo = Dynamo.fromEnvironment(env);
    request = GetItemRequest.builder().tableName(dynamo.tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("USER#" + Priming.SUBJECT), "sk", AttributeValue.fromS("FLOOR")))
        .build();
    if (env.optional(Priming.VARIABLE).filter("off"::equals).isEmpty()) {
      Core.getGlobalContext().register(this);
    }
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    boolean found = dynamo.client().getItem(request).hasItem();
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store"))
        .withBody("{\"found\":" + found + "}")
        .withIsBase64Encoded(false)
        .build();
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    try {
      handleRequest(new APIGatewayV2HTTPEvent(), null);
    } catch (RuntimeException e) {
      System.out.println("{\"message\":\"priming step failed\",\"error\":\"" + e.getClass().getName() + "\"}");
    }
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // nothing to refresh
  }
}
