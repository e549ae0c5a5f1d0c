package vn.lienlac.functions.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Cognito directory against the SDK's real request serialisation: the real client, signed and
 * serialised by the SDK, talks to a loopback HTTP server that checks each call (the X-Amz-Target
 * header, the JSON body) and answers as Cognito does, errors included
 * ({@code {"__type":"UsernameExistsException",...}} with 400).
 */
class CognitoAccountDirectoryTest {
  private static final String POOL = "ap-southeast-1_TestPool1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the fake pool holds: by phone, the sub, the name and whether enabled. */
  private record User(String sub, String phone, String name, boolean enabled) {}

  private record Call(String target, JsonNode body, String contentType, String authorization) {}

  private HttpServer server;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private CognitoAccountDirectory directory;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    directory = CognitoAccountDirectory.at(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), POOL);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private synchronized void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    calls.add(new Call(target, body, exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("Authorization")));
    if (!POOL.equals(body.path("UserPoolId").asText())) {
      send(exchange, 400, error("ResourceNotFoundException", "User pool does not exist."));
      return;
    }
    String username = body.path("Username").asText();
    User user = users.get(username);
    switch (target) {
      case "AWSCognitoIdentityProviderService.AdminCreateUser" -> {
        if (user != null) {
          send(exchange, 400, error("UsernameExistsException", "An account with the given phone_number already exists."));
          return;
        }
        String name = null;
        for (JsonNode attribute : body.path("UserAttributes")) {
          if ("name".equals(attribute.path("Name").asText())) {
            name = attribute.path("Value").asText();
          }
        }
        User created = new User(UUID.randomUUID().toString(), username, name, true);
        users.put(username, created);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode u = answer.putObject("User");
        u.put("Username", created.sub());
        u.set("Attributes", attributes(created));
        u.put("Enabled", true);
        u.put("UserStatus", "FORCE_CHANGE_PASSWORD");
        u.put("UserCreateDate", 1.7643e9);
        send(exchange, 200, answer);
      }
      case "AWSCognitoIdentityProviderService.AdminGetUser" -> {
        if (user == null) {
          send(exchange, 400, error("UserNotFoundException", "User does not exist."));
          return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("Username", user.sub());
        answer.set("UserAttributes", attributes(user));
        answer.put("Enabled", user.enabled());
        answer.put("UserStatus", "FORCE_CHANGE_PASSWORD");
        send(exchange, 200, answer);
      }
      case "AWSCognitoIdentityProviderService.AdminDisableUser",
           "AWSCognitoIdentityProviderService.AdminEnableUser" -> {
        if (user == null) {
          send(exchange, 400, error("UserNotFoundException", "User does not exist."));
          return;
        }
        users.put(username, new User(user.sub(), user.phone(), user.name(), target.endsWith("EnableUser")));
        send(exchange, 200, JSON.createObjectNode());
      }
      case "AWSCognitoIdentityProviderService.AdminDeleteUser" -> {
        if (user == null) {
          send(exchange, 400, error("UserNotFoundException", "User does not exist."));
          return;
        }
        users.remove(username);
        send(exchange, 200, JSON.createObjectNode());
      }
      default -> send(exchange, 400, error("InvalidParameterException", "unexpected " + target));
    }
  }

  private static ArrayNode attributes(User user) {
    ArrayNode list = JSON.createArrayNode();
    list.addObject().put("Name", "sub").put("Value", user.sub());
    list.addObject().put("Name", "phone_number").put("Value", user.phone());
    list.addObject().put("Name", "phone_number_verified").put("Value", "true");
    if (user.name() != null) {
      list.addObject().put("Name", "name").put("Value", user.name());
    }
    return list;
  }

  private static ObjectNode error(String type, String message) {
    return JSON.createObjectNode().put("__type", type).put("message", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void ensure_shouldCreateTheUserByAdminCreateUser_withThePhoneAsUsername_verified_andNoInvitation() throws Exception {
    String sub = directory.ensure("+84912345678", "Nguyễn Văn Bình");

    assertThat(sub).isEqualTo(users.get("+84912345678").sub());
    assertThat(calls).hasSize(1);
    Call call = calls.get(0);
    assertThat(call.target()).isEqualTo("AWSCognitoIdentityProviderService.AdminCreateUser");
    assertThat(call.contentType()).startsWith("application/x-amz-json-1.1");
    assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test/").contains("/cognito-idp/aws4_request");
    assertThat(JSON.writeValueAsString(call.body())).isEqualTo(JSON.writeValueAsString(JSON.readTree("""
        {"UserPoolId":"ap-southeast-1_TestPool1","Username":"+84912345678",
         "UserAttributes":[{"Name":"phone_number","Value":"+84912345678"},
                           {"Name":"phone_number_verified","Value":"true"},
                           {"Name":"name","Value":"Nguyễn Văn Bình"}],
         "MessageAction":"SUPPRESS"}""")));
  }

  @Test
  void ensure_shouldAnswerTheExistingSub_whenCognitoSaysUsernameExists() {
    String first = directory.ensure("+84912345678", "Nguyễn Văn Bình");
    calls.clear();

    String again = directory.ensure("+84912345678", "Nguyễn Văn Bình");

    assertThat(again).isEqualTo(first);
    assertThat(calls).extracting(Call::target).containsExactly(
        "AWSCognitoIdentityProviderService.AdminCreateUser", "AWSCognitoIdentityProviderService.AdminGetUser");
    assertThat(calls.get(1).body().path("Username").asText()).isEqualTo("+84912345678");
    assertThat(users).hasSize(1);
  }

  @Test
  void disableAndEnable_shouldStopAndAllowSignIn_andFindShouldSayWhich() {
    String sub = directory.ensure("+84987654321", null);
    assertThat(calls.get(0).body().path("UserAttributes")).hasSize(2).as("no name attribute without a name");

    directory.disable("+84987654321");
    assertThat(directory.find("+84987654321")).contains(
        new AccountDirectory.Account(sub, "+84987654321", null, false));
    directory.enable("+84987654321");
    assertThat(directory.find("+84987654321")).get().extracting(AccountDirectory.Account::enabled).isEqualTo(true);
    assertThat(calls).extracting(Call::target).contains("AWSCognitoIdentityProviderService.AdminDisableUser",
        "AWSCognitoIdentityProviderService.AdminEnableUser");
  }

  @Test
  void absentUsers_shouldBeEmptyOrNoOps_notErrors() {
    assertThat(directory.find("+84900000000")).isEmpty();
    directory.disable("+84900000000");
    directory.enable("+84900000000");
    assertThat(users).isEmpty();
    assertThat(calls).extracting(Call::target).containsExactly("AWSCognitoIdentityProviderService.AdminGetUser",
        "AWSCognitoIdentityProviderService.AdminDisableUser", "AWSCognitoIdentityProviderService.AdminEnableUser");
  }

  @Test
  void delete_shouldRemoveTheUserByAdminDeleteUser_andBeANoOpTheSecondTime() throws Exception {
    directory.ensure("+84912345678", "Nguyễn Văn Bình");
    directory.ensure("+84987654321", null);
    calls.clear();

    directory.delete("+84912345678");
    directory.delete("+84912345678");

    assertThat(users).containsOnlyKeys("+84987654321");
    assertThat(directory.find("+84912345678")).isEmpty();
    assertThat(calls).extracting(Call::target).containsExactly("AWSCognitoIdentityProviderService.AdminDeleteUser",
        "AWSCognitoIdentityProviderService.AdminDeleteUser", "AWSCognitoIdentityProviderService.AdminGetUser");
    assertThat(calls.get(0).authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test/");
    assertThat(JSON.writeValueAsString(calls.get(0).body())).isEqualTo(JSON.writeValueAsString(JSON.readTree("""
        {"UserPoolId":"ap-southeast-1_TestPool1","Username":"+84912345678"}""")));
  }
}
