package vn.lienlac.functions.payments.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.lienlac.model.payments.VietQr;

class QrPngTest {

  static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }

  @Test
  void render_should_write_a_png_that_decodes_to_the_same_payload() throws Exception {
    String payload = VietQr.dynamic("970415", "113366668888", 1_250_000, "LL10K3M09QN");
    byte[] png = QrPng.render(payload, QrPng.DEFAULT_SIZE);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(decode(png)).isEqualTo(payload);
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
  }
}
