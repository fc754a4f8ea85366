package dev.pao.action.http;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The error answers of one configured instance as the executor SPI's two failure branches: {@code
 * 429} becomes {@link RateLimitedException} (waited out by {@link OutboundPolicy}), everything else
 * is classified by the API's own rules ({@link #classify}) into {@link ServerErrorException} or
 * another transient exception, or {@link RejectedAnswerException} (the action failed).
 */
public abstract class AnswerClassifier implements ResponseExceptionMapper<RuntimeException> {
  private final String instance;

  protected AnswerClassifier(String instance) {
    this.instance = instance;
  }

  /** The instance's name, for messages. */
  protected String instance() {
    return instance;
  }

  @Override
  public RuntimeException toThrowable(Response response) {
    response.bufferEntity();
    String body = response.readEntity(String.class);
    HttpAnswer answer = new HttpAnswer(response.getStatus(), response.getStringHeaders(), body);
    if (answer.status() == 429) {
      return new RateLimitedException(instance, answer.header("Retry-After"));
    }
    return classify(answer);
  }

  /** The exception for an error answer (status 400 and above, not 429). */
  protected abstract RuntimeException classify(HttpAnswer answer);
}
