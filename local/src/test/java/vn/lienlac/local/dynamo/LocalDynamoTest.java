package vn.lienlac.local.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import vn.lienlac.local.template.SamTemplate;

class LocalDynamoTest {
  private static final SamTemplate.Table TABLE = SamTemplate.read(SamTemplate.defaultFile()).tables().getFirst();

  @Test
  void the_template_table_should_be_created_as_declared_and_only_once() {
    try (LocalDynamo dynamo = LocalDynamo.start(null)) {
      boolean created = dynamo.createTable(TABLE);
      boolean again = dynamo.createTable(TABLE);

      var description = dynamo.client().describeTable(r -> r.tableName(TABLE.logicalId())).table();
      assertThat(created).isTrue();
      assertThat(again).isFalse();
      assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
      assertThat(description.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
          .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
      assertThat(description.globalSecondaryIndexes()).singleElement().satisfies(index -> {
        assertThat(index.indexName()).isEqualTo("gsi1");
        assertThat(index.keySchema()).extracting(k -> k.attributeName()).containsExactly("gsi1pk", "gsi1sk");
      });
      var ttl = dynamo.client().describeTimeToLive(r -> r.tableName(TABLE.logicalId())).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(ttl.attributeName()).isEqualTo("expiresAt");
      assertThat(dynamo.environment()).containsEntry("AWS_REGION", "ap-southeast-1")
          .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString())
          .containsEntry("LIENLAC_LOCAL_CREDENTIALS", "true");
    }
  }

  @Test
  void a_data_folder_should_keep_the_table_across_restarts(@TempDir Path data) {
    try (LocalDynamo first = LocalDynamo.start(data)) {
      assertThat(first.createTable(TABLE)).isTrue();
    }
    try (LocalDynamo second = LocalDynamo.start(data)) {
      assertThat(second.createTable(TABLE)).isFalse();
      assertThat(second.client().listTables().tableNames()).containsExactly(TABLE.logicalId());
    }
  }
}
