package dev.pao.bench;

import dev.pao.local.EmbeddedBroker;
import java.nio.file.Path;

/**
 * ElasticMQ in a process of its own, so a benchmark can count the broker's CPU apart from its own
 * driver's. Arguments: port, storage directory. Runs until its standard input closes.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedBroker broker = new EmbeddedBroker(Path.of(args[1]), Integer.parseInt(args[0]));
    broker.start();
    System.out.println("broker ready");
    System.out.flush();
    while (System.in.read() >= 0) {
      // the parent holds stdin open while it needs the broker
    }
    broker.stop();
    System.exit(0);
  }
}
