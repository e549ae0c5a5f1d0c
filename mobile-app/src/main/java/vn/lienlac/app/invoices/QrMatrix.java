package vn.lienlac.app.invoices;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code as a square of dark and light modules, quiet zone included, encoded by ZXing from the
 * API's VietQR payload (error correction M, as the API's own PNG). Plain Java: the view paints it
 * one block of pixels per module, the tests decode it back without a toolkit.
 */
public final class QrMatrix {
  /** Light modules around the code on every side: the QR standard's quiet zone. */
  public static final int QUIET_ZONE = 4;

  private final boolean[][] dark;

  private QrMatrix(boolean[][] dark) {
    this.dark = dark;
  }

  /** The code of {@code payload}, with a {@link #QUIET_ZONE}-module border. */
  public static QrMatrix encode(String payload) {
    ByteMatrix code;
    try {
      code = Encoder.encode(payload, ErrorCorrectionLevel.M,
          Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("not encodable as a QR code: " + e.getMessage(), e);
    }
    int size = code.getWidth() + 2 * QUIET_ZONE;
    boolean[][] dark = new boolean[size][size];
    for (int y = 0; y < code.getHeight(); y++) {
      for (int x = 0; x < code.getWidth(); x++) {
        dark[y + QUIET_ZONE][x + QUIET_ZONE] = code.get(x, y) == 1;
      }
    }
    return new QrMatrix(dark);
  }

  /** Modules a side, quiet zone included. */
  public int size() {
    return dark.length;
  }

  public boolean dark(int x, int y) {
    return dark[y][x];
  }

  /** The code as ARGB pixels, {@code scale} pixels a module (black on white), row by row. */
  public int[] pixels(int scale) {
    int side = size() * scale;
    int[] argb = new int[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        argb[y * side + x] = dark(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    return argb;
  }
}
