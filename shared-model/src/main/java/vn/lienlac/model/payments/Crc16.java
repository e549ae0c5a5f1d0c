package vn.lienlac.model.payments;

import java.nio.charset.StandardCharsets;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR): EMVCo's QR checksum. */
public final class Crc16 {
  private Crc16() {}

  public static int ccittFalse(byte[] data) {
    int crc = 0xFFFF;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xFFFF;
      }
    }
    return crc;
  }

  /** The checksum of {@code text}'s UTF-8 bytes as four upper-case hex digits, as tag 63 carries it. */
  public static String hex(String text) {
    return String.format("%04X", ccittFalse(text.getBytes(StandardCharsets.UTF_8)));
  }
}
