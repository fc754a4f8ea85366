package dev.pao.notify.domain;

/**
 * Sends notifications of one channel. A sender is called inside the relay's transaction; it throws
 * {@link DeliveryFailedException} when the receiver did not take the notification (the relay tries
 * again later), and answers {@link Delivery#skipped} when its channel is not configured.
 */
public interface NotificationSender {
  Channel channel();

  Delivery send(Notification notification) throws DeliveryFailedException;

  /** How a send ended: delivered (with what the receiver answered, if anything) or skipped. */
  record Delivery(boolean delivered, String skippedBecause, String reference, String url) {
    public static Delivery sent() {
      return new Delivery(true, null, null, null);
    }

    /** Delivered, and the receiver named what it created (a ticket key and its URL). */
    public static Delivery created(String reference, String url) {
      return new Delivery(true, null, reference, url);
    }

    public static Delivery skipped(String because) {
      return new Delivery(false, because, null, null);
    }
  }
}
