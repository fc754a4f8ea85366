package dev.pao.notify.domain;

/** The receiver did not take a notification (unreachable, refused, an error answer). */
public class DeliveryFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public DeliveryFailedException(String message) {
    super(message);
  }

  public DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
