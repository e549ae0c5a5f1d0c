package vn.lienlac.functions.platform;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Describes an {@link Item} subclass to the DynamoDB Enhanced Client with explicit getters and
 * setters: no bean introspection or reflection at cold start. Build each schema once, in a
 * static field next to its item class.
 */
public final class ItemSchema<T extends Item> {
  private final StaticTableSchema.Builder<T> builder;

  private ItemSchema(Class<T> type, Supplier<T> constructor) {
    this.builder = StaticTableSchema.builder(type).newItemSupplier(constructor);
    attribute(String.class, Keys.PK, i -> i.pk, (i, v) -> i.pk = v, primaryPartitionKey());
    attribute(String.class, Keys.SK, i -> i.sk, (i, v) -> i.sk = v, primarySortKey());
    string("type", i -> i.type, (i, v) -> i.type = v);
  }

  public static <T extends Item> ItemSchema<T> of(Class<T> type, Supplier<T> constructor) {
    return new ItemSchema<>(type, constructor);
  }

  public <R> ItemSchema<T> attribute(Class<R> type, String name, Function<T, R> getter, BiConsumer<T, R> setter,
      StaticAttributeTag... tags) {
    return attribute(EnhancedType.of(type), name, getter, setter, tags);
  }

  public <R> ItemSchema<T> attribute(EnhancedType<R> type, String name, Function<T, R> getter,
      BiConsumer<T, R> setter, StaticAttributeTag... tags) {
    builder.addAttribute(type, a -> a.name(name).getter(getter).setter(setter).tags(tags));
    return this;
  }

  public ItemSchema<T> string(String name, Function<T, String> getter, BiConsumer<T, String> setter) {
    return attribute(String.class, name, getter, setter);
  }

  public ItemSchema<T> integer(String name, Function<T, Integer> getter, BiConsumer<T, Integer> setter) {
    return attribute(Integer.class, name, getter, setter);
  }

  public ItemSchema<T> strings(String name, Function<T, List<String>> getter, BiConsumer<T, List<String>> setter) {
    return attribute(EnhancedType.listOf(String.class), name, getter, setter);
  }

  public ItemSchema<T> stringMap(String name, Function<T, Map<String, String>> getter,
      BiConsumer<T, Map<String, String>> setter) {
    return attribute(EnhancedType.mapOf(String.class, String.class), name, getter, setter);
  }

  /** Optimistic locking: the Enhanced Client checks and increments it on every put. */
  public ItemSchema<T> version(Function<T, Long> getter, BiConsumer<T, Long> setter) {
    return attribute(Long.class, "version", getter, setter, VersionedRecordExtension.AttributeTags.versionAttribute());
  }

  /** The item's place in gsi1 (overloaded: what it means is written at each use). */
  public ItemSchema<T> gsi1(Function<T, String> pkGetter, BiConsumer<T, String> pkSetter,
      Function<T, String> skGetter, BiConsumer<T, String> skSetter) {
    attribute(String.class, Keys.GSI1_PK, pkGetter, pkSetter, secondaryPartitionKey(Keys.GSI1));
    return attribute(String.class, Keys.GSI1_SK, skGetter, skSetter, secondarySortKey(Keys.GSI1));
  }

  public TableSchema<T> build() {
    return builder.build();
  }
}
