package vn.lienlac.functions.platform;

import java.time.Instant;

/** Makes ids for new resources. Production uses {@link #RANDOM}; the demo seed a fixed sequence. */
@FunctionalInterface
public interface IdGenerator {
  IdGenerator RANDOM = at -> Ids.newId(at.toEpochMilli());

  String newId(Instant at);
}
