package io.gatecast.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one logger (and those below it) logs during each test: {@code @RegisterExtension final CapturedLog log =
 * new CapturedLog(SomeClass.class);}. The stop tests use it to tell a quiet stop (INFO) from a fault (WARN, ERROR).
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLog(Class<?> source) {
    this(source.getName());
  }

  /** A package's name captures every class in it. */
  public CapturedLog(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.start();
    logger.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.detachAppender(appender);
    appender.stop();
  }

  private List<ILoggingEvent> events() {
    return appender.list;
  }

  /** The messages logged at WARN or above so far: none, for a quiet stop. */
  public List<String> warningsAndErrors() {
    return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  /** The messages logged at INFO so far. */
  public List<String> infos() {
    return events().stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Forgets what was logged so far. */
  public void clear() {
    appender.list.clear();
  }
}
