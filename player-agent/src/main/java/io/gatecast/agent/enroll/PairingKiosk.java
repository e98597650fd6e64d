package io.gatecast.agent.enroll;

import io.gatecast.agent.kiosk.KioskBrowser;
import io.gatecast.agent.kiosk.KioskControl;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.protocol.enrollment.Identity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Enrollment as a kiosk meets it: the kiosk browser is launched on the pairing page the moment it
 * serves, so the panel shows the code (and where to type it) from the first second rather than
 * nothing until an operator happens to enroll it. The same browser then stays on the same address,
 * where the player page takes over once enrolled ({@code PlayerAgent.start(..., browser())}).
 */
public final class PairingKiosk {
  /** What enrollment gave: the identity, the port the page serves on, and the browser already running (or null). */
  public record Enrolled(Identity identity, int pagePort, KioskBrowser browser) {}

  private PairingKiosk() {}

  /**
   * The saved identity, or pairs with the controller while the kiosk browser shows the code.
   *
   * @param pagePort the page's port; with 0 the pairing page's free port is kept for the player page
   *     so the browser's address stays valid
   */
  public static Enrolled enroll(Path dataDir, URI controller, int pagePort, Duration pollEvery, SSLContext tls,
      KioskOptions kiosk) throws IOException, InterruptedException {
    KioskBrowser[] browser = {null};
    int[] port = {pagePort};
    try {
      Identity identity = Enrollment.savedOrPaired(dataDir, controller, pagePort, pollEvery, tls, serving -> {
        port[0] = serving;
        browser[0] = KioskControl.launch(kiosk, serving);
      });
      return new Enrolled(identity, port[0], browser[0]);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (browser[0] != null) {
        browser[0].close();
      }
      throw e;
    }
  }
}
