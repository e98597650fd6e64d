package io.gatecast.controller.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainEventsTest {
  private final DomainEvents events = new DomainEvents();
  private final List<String> heard = new ArrayList<>();

  @Test
  void subscribersHearAnEventInTheOrderTheySubscribed() {
    events.subscribe(ScreenChanged.class, e -> heard.add("first " + e.screenId()));
    events.subscribe(ScreenChanged.class, e -> heard.add("second " + e.screenId()));
    events.subscribe(ScreenChanged.class, e -> heard.add("third " + e.screenId()));

    events.publish(new ScreenChanged("hall-2"));
    events.publish(new ScreenChanged("hall-3"));

    assertThat(heard).containsExactly("first hall-2", "second hall-2", "third hall-2",
        "first hall-3", "second hall-3", "third hall-3");
  }

  @Test
  void aFailingSubscriberDoesNotStopTheOthersNorThePublisher() {
    events.subscribe(PublishProgressed.class, e -> heard.add("before " + e.publishId()));
    events.subscribe(PublishProgressed.class, e -> {
      throw new IllegalStateException("a broken counter");
    });
    events.subscribe(PublishProgressed.class, e -> heard.add("after " + e.publishId()));

    events.publish(new PublishProgressed(7));

    assertThat(heard).containsExactly("before 7", "after 7");
  }

  @Test
  void anUnsubscribedHandlerHearsNothingMoreAndTheOthersGoOn() {
    DomainEvents.Subscription leaving = events.subscribe(AlertsChanged.class, e -> heard.add("leaving " + e.alertId()));
    events.subscribe(AlertsChanged.class, e -> heard.add("staying " + e.alertId()));

    events.publish(new AlertsChanged("a1"));
    leaving.close();
    events.publish(new AlertsChanged("a2"));

    assertThat(heard).containsExactly("leaving a1", "staying a1", "staying a2");
  }

  @Test
  void aSubscriberHearsOnlyTheTypeItAskedFor() {
    events.subscribe(CommandSent.class, e -> heard.add("command " + e.screenId()));
    events.subscribe(PlaysStored.class, e -> heard.add("plays " + e.count()));

    events.publish(new ScreenChanged("hall-2"));
    events.publish(new PlaysStored("hall-2", 3));
    events.publish(new SchedulesReasserted(4));

    assertThat(heard).containsExactly("plays 3");
  }
}
