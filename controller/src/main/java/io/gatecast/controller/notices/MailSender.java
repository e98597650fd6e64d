package io.gatecast.controller.notices;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each notice as a plain-text e-mail (UTF-8: screen and gate names are Vietnamese). SMTP
 * blocks, so mails go out one at a time on their own thread; one that fails is logged, not retried,
 * as with the webhook.
 */
public final class MailSender implements Consumer<Notice>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
  private final MailSettings settings;
  private final Session session;
  private final Runnable onSent;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "gatecast-mail");
    t.setDaemon(true);
    return t;
  });

  public MailSender(MailSettings settings, Runnable onSent) {
    this.settings = settings;
    this.onSent = onSent;
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.smtpHost());
    properties.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    this.session = Session.getInstance(properties);
  }

  @Override
  public void accept(Notice notice) {
    thread.execute(() -> send(notice));
  }

  private void send(Notice notice) {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(new InternetAddress(settings.from()));
      for (String to : settings.to()) {
        mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      mail.setSubject(subject(notice), StandardCharsets.UTF_8.name());
      mail.setText(notice.text(), StandardCharsets.UTF_8.name());
      Transport.send(mail);
      onSent.run();
    } catch (MessagingException | RuntimeException e) {
      LOG.warn("could not e-mail the {} notice for {}: {}", notice.kind(), notice.screenId() != null
          ? notice.screenId() : notice.clusterId(), e.toString());
    }
  }

  static String subject(Notice notice) {
    String about = notice.screenId() != null ? "screen " + notice.screenId() : "gate";
    return "[GateCast] " + notice.kind() + ": " + about + " (" + notice.clusterId() + ")";
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
