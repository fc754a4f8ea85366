package dev.pao.sqs.ra;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The counters of one activation, registered with the platform MBean server while it runs. */
final class BridgeStats implements BridgeStatsMBean {
  private static final Logger LOG = Logger.getLogger(BridgeStats.class.getName());

  final LongAdder received = new LongAdder();
  final LongAdder acknowledged = new LongAdder();
  final LongAdder released = new LongAdder();
  final LongAdder returnedAtStop = new LongAdder();
  final LongAdder redelivered = new LongAdder();
  final LongAdder visibilityExtensions = new LongAdder();
  final LongAdder queueErrors = new LongAdder();
  final AtomicInteger inFlight = new AtomicInteger();
  private final OutageMonitor outage;
  private ObjectName name;

  BridgeStats(OutageMonitor outage) {
    this.outage = outage;
  }

  void register(String queueName) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      name = ObjectName.getInstance("dev.pao.sqs:type=InboundQueue,name=" + quote(queueName));
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(this, name);
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Queue counters not published over JMX: {0}", e.getMessage());
      name = null;
    }
  }

  void unregister() {
    if (name != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
      } catch (JMException e) {
        LOG.log(Level.FINE, "Queue counters already unregistered", e);
      }
      name = null;
    }
  }

  private static String quote(String value) {
    return value.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  @Override
  public long getReceived() {
    return received.sum();
  }

  @Override
  public long getAcknowledged() {
    return acknowledged.sum();
  }

  @Override
  public long getReleased() {
    return released.sum();
  }

  @Override
  public long getReturnedAtStop() {
    return returnedAtStop.sum();
  }

  @Override
  public long getRedelivered() {
    return redelivered.sum();
  }

  @Override
  public long getVisibilityExtensions() {
    return visibilityExtensions.sum();
  }

  @Override
  public long getQueueErrors() {
    return queueErrors.sum();
  }

  @Override
  public int getInFlight() {
    return inFlight.get();
  }

  @Override
  public boolean isQueueUnreachable() {
    return outage.down();
  }
}
