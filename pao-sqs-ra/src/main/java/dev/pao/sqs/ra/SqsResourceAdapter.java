package dev.pao.sqs.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter: one {@link InboundQueue} per activated message-driven bean. It has no
 * outbound side; the application sends with its own SQS client.
 */
public class SqsResourceAdapter implements ResourceAdapter {
  private final Map<Activation, InboundQueue> activations = new ConcurrentHashMap<>();
  private BootstrapContext context;

  @Override
  public void start(BootstrapContext bootstrapContext) {
    this.context = bootstrapContext;
  }

  @Override
  public void stop() {
    activations.values().forEach(InboundQueue::stop);
    activations.clear();
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof SqsActivationSpec sqsSpec)) {
      throw new NotSupportedException("Not an SQS activation spec: " + spec);
    }
    InboundQueue queue = new InboundQueue(context, factory, sqsSpec.settings());
    activations.put(new Activation(factory, spec), queue);
    queue.start();
  }

  /**
   * Stops the bean's activation (the application is stopping): returns once its messages in
   * progress are finished or released and their deletes flushed. A server may hand over another
   * instance of the activation spec than at activation; the factory alone then identifies it.
   */
  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    InboundQueue queue = activations.remove(new Activation(factory, spec));
    if (queue == null) {
      queue =
          activations.keySet().stream()
              .filter(activation -> activation.factory().equals(factory))
              .findFirst()
              .map(activations::remove)
              .orElse(null);
    }
    if (queue != null) {
      queue.stop();
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  private record Activation(MessageEndpointFactory factory, ActivationSpec spec) {}
}
