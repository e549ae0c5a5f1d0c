package vn.lienlac.functions.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts of the local stack, for the dev issuer: the {@code sub} is derived from the phone
 * ({@link #subFor}), so the same phone gets the same sub after a restart and the dev gateway can
 * sign a token for an imported parent by phone. One shared instance per JVM ({@link #shared()}):
 * the roster function (running in the local stack) writes to it and the gateway's {@code /dev}
 * pages read it.
 */
public final class LocalAccountDirectory implements AccountDirectory {
  private static final LocalAccountDirectory SHARED = new LocalAccountDirectory();

  private final Map<String, Account> byPhone = new ConcurrentHashMap<>();

  /** A directory of its own (tests); the local stack uses {@link #shared()}. */
  public LocalAccountDirectory() {}

  /** The instance the local stack shares between the roster function and the dev gateway. */
  public static LocalAccountDirectory shared() {
    return SHARED;
  }

  /** The deterministic sub of a phone: a name-based (v3) UUID of {@code "lienlac-dev-account:" + phone}. */
  public static String subFor(String phone) {
    return UUID.nameUUIDFromBytes(("lienlac-dev-account:" + phone).getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public String ensure(String phone, String displayName) {
    return byPhone.computeIfAbsent(phone, p -> new Account(subFor(p), p, displayName, true)).sub();
  }

  @Override
  public Optional<Account> find(String phone) {
    return Optional.ofNullable(byPhone.get(phone));
  }

  @Override
  public void disable(String phone) {
    byPhone.computeIfPresent(phone, (p, a) -> new Account(a.sub(), a.phone(), a.name(), false));
  }

  @Override
  public void enable(String phone) {
    byPhone.computeIfPresent(phone, (p, a) -> new Account(a.sub(), a.phone(), a.name(), true));
  }

  @Override
  public void delete(String phone) {
    byPhone.remove(phone);
  }

  /** Every account, by phone (what {@code /dev/accounts} lists). */
  public List<Account> list() {
    return byPhone.values().stream().sorted(Comparator.comparing(Account::phone)).toList();
  }

  /** The account whose sub is {@code sub}, if any (the gateway signs tokens by sub). */
  public Optional<Account> bySub(String sub) {
    return byPhone.values().stream().filter(a -> a.sub().equals(sub)).findFirst();
  }
}
