package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ScreenRules;

/**
 * What a gate's schedule still has room for, profiles admitted in id order of their first screens: at
 * most {@link io.gatecast.protocol.Limits#MAX_CLUSTER_PROFILES} profiles, their rules' JSON at most
 * {@value #BUDGET_BYTES} bytes. The rest of the message limit is left for what the schedule adds
 * around them (header, profile ids, signature, carried key rotations): a gate whose schedule could not
 * be signed would leave all its screens on the schedule before.
 */
final class GateRoom {
  /** The most a gate's profiles' rules may weigh in its schedule (JSON bytes): three quarters of the wire's message limit. */
  static final int BUDGET_BYTES = io.gatecast.protocol.Limits.MAX_MESSAGE_BYTES / 4 * 3;

  private int profiles;
  private long bytes;

  boolean admit(ScreenRules profile) {
    int size;
    try {
      size = Codec.mapper().writeValueAsBytes(profile).length; // not Codec.encode: a profile may exceed the limit
    } catch (JsonProcessingException e) {
      return false; // its screens' whole schedules fail to sign the same way, and say why in the rollout
    }
    if (profiles >= io.gatecast.protocol.Limits.MAX_CLUSTER_PROFILES || bytes + size > BUDGET_BYTES) {
      return false;
    }
    profiles++;
    bytes += size;
    return true;
  }
}
