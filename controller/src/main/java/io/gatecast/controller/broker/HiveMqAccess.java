package io.gatecast.controller.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded extension that holds HiveMQ to {@link BrokerAuth}: the same logins and the same
 * {@code AccessRules} as Moquette and the Mosquitto export. The username a client logged in with is
 * kept in its connection's attribute store, as HiveMQ's authorizers are told only the client id (the
 * controller logs in with client ids of its own, so the two differ).
 *
 * <p>HiveMQ calls these hooks on its extension executor, never on a Netty thread, so the login's
 * database read does not hold up other connections' I/O.
 */
final class HiveMqAccess implements ExtensionMain, SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {
  private static final String USER = "gatecast-user";
  private final BrokerAuth auth;
  /** HiveMQ's services are static per JVM: keep this broker's own client service from its start. */
  private final AtomicReference<ClientService> clients = new AtomicReference<>();

  HiveMqAccess(BrokerAuth auth) {
    this.auth = auth;
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    clients.set(Services.clientService());
    Services.securityRegistry().setAuthenticatorProvider(provider -> this);
    Services.securityRegistry().setAuthorizerProvider(provider -> this);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    clients.set(null);
  }

  /** This broker's client service, once started. */
  Optional<ClientService> clients() {
    return Optional.ofNullable(clients.get());
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    String clientId = input.getConnectPacket().getClientId();
    String user = input.getConnectPacket().getUserName().orElse(null);
    byte[] password = input.getConnectPacket().getPassword().map(HiveMqAccess::bytes).orElse(null);
    if (auth.checkValid(clientId, user, password)) {
      input.getConnectionInformation().getConnectionAttributeStore().putAsString(USER, user);
      output.authenticateSuccessfully();
    } else {
      output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "unknown user or wrong password");
    }
  }

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    if (user(input).map(user -> auth.mayPublish(user, input.getPublishPacket().getTopic())).orElse(false)) {
      output.authorizeSuccessfully();
    } else {
      output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not your topic");
    }
  }

  @Override
  public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
    if (user(input).map(user -> auth.maySubscribe(user, input.getSubscription().getTopicFilter())).orElse(false)) {
      output.authorizeSuccessfully();
    } else {
      output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not your topic");
    }
  }

  private static Optional<String> user(ClientBasedInput input) {
    return input.getConnectionInformation().getConnectionAttributeStore().getAsString(USER);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
