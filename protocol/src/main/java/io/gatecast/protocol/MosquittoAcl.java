package io.gatecast.protocol;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@link AccessRules} as a Mosquitto {@code acl_file}, for deployments that use a real Mosquitto
 * instead of the embedded broker. Per-user {@code topic} lines (no {@code pattern} lines with
 * {@code %u}) because each screen's cluster alert differs and because the file then reads as the
 * rule it implements. Mosquitto denies what no line grants, once an acl_file is configured.
 *
 * <p>Written with {@code allow_anonymous false} and a {@code password_file} in mind; producing
 * that file (mosquitto_passwd hashing) is the controller's job, not the protocol's. Regenerate
 * and reload (SIGHUP) the file when screens are added, removed or moved between clusters.
 */
public final class MosquittoAcl {
  private MosquittoAcl() {}

  /**
   * @param screens screen id to cluster id, for every registered screen
   */
  public static String render(String controllerUsername, Map<String, String> screens) {
    Check.id(controllerUsername, "controllerUsername");
    Check.required(screens, "screens");
    StringBuilder acl = new StringBuilder();
    acl.append("# GateCast broker ACL: generated from io.gatecast.protocol.AccessRules; do not edit by hand.\n");
    acl.append("# Anything not granted below is denied.\n\n");
    acl.append("user ").append(controllerUsername).append('\n');
    AccessRules.CONTROLLER_PUBLISHES.forEach(kind -> topic(acl, "write", Topics.everyOne(kind)));
    AccessRules.CONTROLLER_SUBSCRIBES.forEach(kind -> topic(acl, "read", Topics.everyOne(kind)));
    for (Map.Entry<String, String> screen : new TreeMap<>(screens).entrySet()) {
      String id = Check.id(screen.getKey(), "screenId");
      String cluster = Check.id(screen.getValue(), "clusterId of " + id);
      if (id.equals(controllerUsername)) {
        throw new IllegalArgumentException("screen id '" + id + "' is the controller's username");
      }
      acl.append('\n').append("user ").append(id).append('\n');
      AccessRules.screenSubscribes(id, cluster).forEach(topic -> topic(acl, "read", topic));
      AccessRules.screenPublishes(id).forEach(topic -> topic(acl, "write", topic));
    }
    return acl.toString();
  }

  private static void topic(StringBuilder acl, String access, String topic) {
    acl.append("topic ").append(access).append(' ').append(topic).append('\n');
  }
}
