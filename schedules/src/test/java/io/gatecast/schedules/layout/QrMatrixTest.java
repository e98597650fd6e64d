package io.gatecast.schedules.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrMatrixTest {
  @Test
  void aPortalUrlBecomesASquareWithItsThreeFinderPatterns() {
    QrMatrix qr = QrMatrix.of("https://laocai.gov.vn/thong-tin-doi-ngoai");
    assertThat(qr.size()).isEqualTo(29); // version 3 at 15% error correction holds up to 42 bytes; this URL has 41
    assertThat(qr.rows()).hasSize(qr.size()).allSatisfy(row -> assertThat(row).hasSize(qr.size()).matches("[01]+"));
    for (int[] corner : new int[][] {{0, 0}, {qr.size() - 7, 0}, {0, qr.size() - 7}}) {
      // a finder: dark 7x7 ring, light ring inside it, dark 3x3 core
      assertThat(qr.dark(corner[0], corner[1])).isTrue();
      assertThat(qr.dark(corner[0] + 6, corner[1] + 6)).isTrue();
      assertThat(qr.dark(corner[0] + 1, corner[1] + 1)).isFalse();
      assertThat(qr.dark(corner[0] + 3, corner[1] + 3)).isTrue();
    }
    for (int i = 8; i < qr.size() - 8; i++) {
      // the timing patterns between the finders alternate dark and light
      assertThat(qr.dark(i, 6)).as("timing row at " + i).isEqualTo(i % 2 == 0);
      assertThat(qr.dark(6, i)).as("timing column at " + i).isEqualTo(i % 2 == 0);
    }
    assertThat(QrMatrix.of("https://laocai.gov.vn/thong-tin-doi-ngoai")).isEqualTo(qr);
  }
}
