package dev.pao.serviceaccount.signature;

/** A request signature that does not hold; the message says what was wrong, for the caller. */
public class SignatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SignatureException(String message) {
    super(message);
  }
}
