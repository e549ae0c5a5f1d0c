package vn.lienlac.functions.payments.vietqr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A VietQR payload as a PNG, drawn by ZXing (error correction M, a four-module quiet zone) into a
 * one-bit image and written by {@code javax.imageio}. No display is needed: the JVM is put in
 * headless mode before AWT's image classes load (Lambda has no display; neither has CI).
 */
public final class QrPng {
  public static final String MEDIA_TYPE = "image/png";
  /** Pixels a side by default: sharp enough for a phone screen, ~1-2 KB. */
  public static final int DEFAULT_SIZE = 360;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private QrPng() {}

  public static byte[] render(String payload, int size) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(payload, com.google.zxing.BarcodeFormat.QR_CODE, size, size, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
          EncodeHintType.MARGIN, 4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Payload cannot be a QR code: " + e.getMessage(), e);
    }
    BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("No PNG writer in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
