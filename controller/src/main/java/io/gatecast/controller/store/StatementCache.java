package io.gatecast.controller.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database's one connection, keeping its prepared statements: {@code prepareStatement(sql)}
 * hands out the statement prepared for that SQL before, and its {@code close()} clears it for the
 * next use instead of finalizing it. SQLite compiles every statement anew otherwise, and with the
 * fleet's heartbeats, acks and proof of play that was a quarter of the database thread's time (JFR,
 * {@code bench/BENCHMARKS.md}, 2026-12-03 afternoon): the same few statements, thousands of times.
 *
 * <p>A statement still in use when the same SQL is prepared again (a query run inside the loop over
 * its own rows) is not shared: that use gets a statement of its own, finalized on close. The least
 * recently used statements beyond {@code capacity} are finalized (SQL built with a varying number of
 * {@code ?}s makes many). Used on the database thread only, like the connection.
 */
final class StatementCache {
  private final Connection connection;
  private final int capacity;
  private final Map<String, Kept> kept;

  /** A prepared statement kept for its SQL, and whether someone holds it now. */
  private final class Kept implements InvocationHandler {
    final PreparedStatement statement;
    final PreparedStatement lent;
    /** The rows of this use, if it ran a query: closed when the statement is given back. */
    ResultSet rows;
    boolean inUse;
    boolean dropped;

    Kept(PreparedStatement statement) {
      this.statement = statement;
      this.lent = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
          new Class<?>[] {PreparedStatement.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          giveBack();
          return null;
        }
        case "isClosed" -> {
          return !inUse;
        }
        case "getConnection" -> {
          return StatementCache.this.lent;
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "toString" -> {
          return "kept " + statement;
        }
        default -> {
          if (!inUse) {
            throw new SQLException("statement is closed");
          }
          Object result = forward(statement, method, args);
          if (result instanceof ResultSet opened) {
            rows = opened;
          }
          return result;
        }
      }
    }

    /** Ready for the next use: no rows held open (they would pin the WAL), no parameters, no batch. */
    void giveBack() throws SQLException {
      if (!inUse) {
        return;
      }
      inUse = false;
      if (dropped) {
        statement.close();
        return;
      }
      if (rows != null) {
        rows.close(); // resets the statement: a query left half-read keeps no snapshot of the log
        rows = null;
      }
      statement.clearBatch();
      statement.clearParameters();
    }
  }

  private final Connection lent;

  private StatementCache(Connection connection, int capacity) {
    this.connection = connection;
    this.capacity = capacity;
    this.kept = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    this.lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, this::onConnection);
  }

  /** {@code connection}, keeping up to {@code capacity} prepared statements. */
  static Connection keeping(Connection connection, int capacity) {
    return new StatementCache(connection, capacity).lent;
  }

  private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("prepareStatement") && args != null && args.length == 1 && args[0] instanceof String sql) {
      return prepare(sql);
    }
    if (method.getName().equals("close")) {
      for (Kept k : kept.values()) {
        k.statement.close();
      }
      kept.clear();
    }
    return forward(connection, method, args);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    Kept k = kept.get(sql);
    if (k != null && k.inUse) {
      return connection.prepareStatement(sql); // a second use at once: its own, finalized on close
    }
    if (k == null) {
      k = new Kept(connection.prepareStatement(sql));
      kept.put(sql, k);
      dropBeyondCapacity();
    }
    k.inUse = true;
    return k.lent;
  }

  private void dropBeyondCapacity() throws SQLException {
    var oldest = kept.entrySet().iterator();
    while (kept.size() > capacity && oldest.hasNext()) {
      Kept k = oldest.next().getValue();
      oldest.remove();
      k.dropped = true;
      if (!k.inUse) {
        k.statement.close();
      }
    }
  }

  private static Object forward(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
