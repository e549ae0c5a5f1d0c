package vn.lienlac.tests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.lienlac.local.template.SamTemplate;

/** The operations of openapi.yaml as tests need them: method, path, parameters, body schema. */
final class OpenApi {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

  private final Map<String, Object> document;

  private OpenApi(Map<String, Object> document) {
    this.document = document;
  }

  static OpenApi read() {
    try (Reader reader = Files.newBufferedReader(SamTemplate.repositoryRoot().resolve("openapi.yaml"),
        StandardCharsets.UTF_8)) {
      return new OpenApi(SamTemplate.yaml().load(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parameter: its name, where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
  record Parameter(String name, String in, Map<String, Object> schema) {}

  /**
   * One operation; {@code body} is the JSON schema of its request body, or null; {@code uploadTypes}
   * the media types of a request body that is not JSON (an upload: a workbook, a CSV file), else empty.
   */
  record Operation(String id, String method, String path, List<Parameter> parameters, Map<String, Object> body,
      List<String> uploadTypes) {
    boolean writes() {
      return !method.equals("GET");
    }

    List<Parameter> in(String place) {
      return parameters.stream().filter(p -> p.in().equals(place)).toList();
    }
  }

  /** The whole document, as read. */
  Map<String, Object> document() {
    return document;
  }

  /** The operations by route key ({@code GET /v1/me}), each as the spec writes it. */
  Map<String, Map<String, Object>> byRouteKey() {
    Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
    map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
      if (METHODS.contains(method)) {
        operations.put(method.toUpperCase(Locale.ROOT) + " " + path, map(operation));
      }
    }));
    return operations;
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(document.get("paths")).forEach((path, rawItem) -> {
      Map<String, Object> item = map(rawItem);
      item.forEach((method, rawOperation) -> {
        if (!METHODS.contains(method)) {
          return;
        }
        Map<String, Object> operation = map(rawOperation);
        List<Parameter> parameters = new ArrayList<>();
        for (Object raw : list(item.get("parameters"))) {
          parameters.add(parameter(raw));
        }
        for (Object raw : list(operation.get("parameters"))) {
          parameters.add(parameter(raw));
        }
        Map<String, Object> body = null;
        List<String> uploadTypes = new ArrayList<>();
        if (operation.get("requestBody") != null) {
          Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
          if (content.containsKey("application/json")) {
            body = resolve(map(map(content.get("application/json")).get("schema")));
          } else {
            uploadTypes.addAll(content.keySet());
          }
        }
        operations.add(new Operation(String.valueOf(operation.get("operationId")), method.toUpperCase(Locale.ROOT),
            path, List.copyOf(parameters), body, List.copyOf(uploadTypes)));
      });
    });
    return operations;
  }

  /** A schema with its {@code $ref} followed (once per level; nested refs are resolved on demand). */
  Map<String, Object> resolve(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    Object target = document;
    for (String part : ref.toString().substring(2).split("/")) {
      target = map(target).get(part);
    }
    return resolve(map(target));
  }

  private Parameter parameter(Object raw) {
    Map<String, Object> parameter = resolve(map(raw));
    return new Parameter(parameter.get("name").toString(), parameter.get("in").toString(),
        resolve(map(parameter.getOrDefault("schema", Map.of()))));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
