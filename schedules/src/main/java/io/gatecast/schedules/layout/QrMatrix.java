package io.gatecast.schedules.layout;

import io.nayuki.qrcodegen.QrCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The modules of a QR code, computed where the rules are (agent, console preview) by Project
 * Nayuki's QR Code generator, so the renderer only paints squares and needs no encoder of its own.
 * Error correction MEDIUM (15%): a screen seen at an angle through glass, not a crumpled label.
 * {@code rows} are strings of '1' (dark) and '0' (light), top to bottom, without the quiet zone.
 */
public record QrMatrix(int size, List<String> rows) {
  public QrMatrix {
    rows = List.copyOf(rows);
  }

  public static QrMatrix of(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    List<String> rows = new ArrayList<>(qr.size);
    for (int y = 0; y < qr.size; y++) {
      StringBuilder row = new StringBuilder(qr.size);
      for (int x = 0; x < qr.size; x++) {
        row.append(qr.getModule(x, y) ? '1' : '0');
      }
      rows.add(row.toString());
    }
    return new QrMatrix(qr.size, rows);
  }

  public boolean dark(int x, int y) {
    return rows.get(y).charAt(x) == '1';
  }
}
