package io.gatecast.controller.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Password guessing made slow, checked before the (deliberately slow) password hash runs, so a
 * burst of guesses costs the controller next to nothing.
 *
 * <ul>
 *   <li>Per address: after {@link #FREE_PER_ADDRESS} failed sign-ins (any accounts) the address
 *       waits 1 s, then 2 s, 4 s... up to {@link #MAX_DELAY} after each further failure.
 *   <li>Per account: after {@link #FREE_PER_ACCOUNT} failures (from any addresses) the account waits
 *       the same growing delays, except from an address it signed in from successfully before:
 *       so an attack on an account from elsewhere does not lock its owner out.
 * </ul>
 *
 * A success clears the address's count (the account's stays, or the owner signing in would wipe
 * an attacker's slate). Counts are
 * forgotten {@link #FORGET_AFTER} after the last failure. Kept in memory, bounded in size.
 */
public final class LoginThrottle {
  public static final int FREE_PER_ADDRESS = 10;
  public static final int FREE_PER_ACCOUNT = 5;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);
  public static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int MAX_KEYS = 10_000;
  private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 16;

  /** Which count holds an attempt back. */
  public enum Scope { ACCOUNT, ADDRESS }

  /** A refusal to try now: which count, how long to wait, and how many failures it counts. */
  public record Held(Scope scope, Duration retryAfter, int failures) {}

  /** A failure that started (or lengthened) a wait, for the audit log. */
  public record Lock(Scope scope, String key, int failures, Instant until) {}

  private final Clock clock;
  private final Map<String, Failures> accounts = lru(MAX_KEYS);
  private final Map<String, Failures> addresses = lru(MAX_KEYS);
  private final Map<String, Deque<String>> knownAddresses = lru(MAX_KEYS);

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an attempt on {@code username} from {@code address} must wait; asked before checking the password. */
  public synchronized Optional<Held> check(String username, String address) {
    Instant now = clock.instant();
    Failures byAddress = current(addresses, address, now);
    if (byAddress != null && byAddress.until.isAfter(now)) {
      return Optional.of(new Held(Scope.ADDRESS, Duration.between(now, byAddress.until), byAddress.count));
    }
    Failures byAccount = current(accounts, account(username), now);
    if (byAccount != null && byAccount.until.isAfter(now) && !known(username, address)) {
      return Optional.of(new Held(Scope.ACCOUNT, Duration.between(now, byAccount.until), byAccount.count));
    }
    return Optional.empty();
  }

  /** Counts a wrong password; returns the waits it started (empty while still within the free tries). */
  public synchronized java.util.List<Lock> failed(String username, String address) {
    Instant now = clock.instant();
    java.util.List<Lock> locks = new java.util.ArrayList<>();
    count(addresses, address, FREE_PER_ADDRESS, now, Scope.ADDRESS).ifPresent(locks::add);
    count(accounts, account(username), FREE_PER_ACCOUNT, now, Scope.ACCOUNT).ifPresent(locks::add);
    return locks;
  }

  /** A right password: the address is trusted for this account from now on and its counts clear. */
  public synchronized void succeeded(String username, String address) {
    // The account's count stays: the owner signing in must not wipe an attacker's slate.
    addresses.remove(address);
    Deque<String> known = knownAddresses.computeIfAbsent(account(username), k -> new ArrayDeque<>());
    known.remove(address);
    known.addFirst(address);
    while (known.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
      known.removeLast();
    }
  }

  private boolean known(String username, String address) {
    Deque<String> known = knownAddresses.get(account(username));
    return known != null && known.contains(address);
  }

  private Optional<Lock> count(Map<String, Failures> counts, String key, int free, Instant now, Scope scope) {
    Failures failures = current(counts, key, now);
    if (failures == null) {
      failures = new Failures();
      counts.put(key, failures);
    }
    failures.count++;
    failures.last = now;
    int over = failures.count - free;
    if (over <= 0) {
      return Optional.empty();
    }
    failures.until = now.plus(delay(over));
    return Optional.of(new Lock(scope, key, failures.count, failures.until));
  }

  /** 1 s for the first failure over the free ones, doubling, at most {@link #MAX_DELAY}. */
  static Duration delay(int over) {
    if (over > 20) {
      return MAX_DELAY;
    }
    Duration delay = FIRST_DELAY.multipliedBy(1L << (over - 1));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static Failures current(Map<String, Failures> counts, String key, Instant now) {
    Failures failures = counts.get(key);
    if (failures != null && failures.last.plus(FORGET_AFTER).isBefore(now) && !failures.until.isAfter(now)) {
      counts.remove(key);
      return null;
    }
    return failures;
  }

  private static String account(String username) {
    return username == null ? "" : username.toLowerCase(Locale.ROOT);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  private static final class Failures {
    int count;
    Instant last = Instant.EPOCH;
    Instant until = Instant.EPOCH;
  }
}
