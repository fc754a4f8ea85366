package dev.pao.serviceaccount.api;

import dev.pao.security.CurrentUserProducer;
import dev.pao.serviceaccount.application.ServiceAccount;
import dev.pao.serviceaccount.application.ServiceAccountAuthenticator;
import dev.pao.serviceaccount.application.ServiceAccountScope;
import dev.pao.serviceaccount.signature.SignatureException;
import dev.pao.serviceaccount.signature.SignedMessage;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Authenticates calls that carry {@code Signature-Input} and {@code Signature} (RFC 9421) as their
 * service account, before the access guard looks for a caller. The body is read once (within the
 * body size limit, whose filter runs first) to check its {@code Content-Digest}, and handed on to
 * the resource from memory. A signature that does not hold answers 401 {@code UNAUTHENTICATED}
 * saying why.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ServiceAccountFilter implements ContainerRequestFilter {
  static final String SIGNATURE_INPUT = "Signature-Input";
  static final String SIGNATURE = "Signature";

  @Inject ServiceAccountAuthenticator authenticator;

  @Override
  public void filter(ContainerRequestContext request) {
    String input = request.getHeaderString(SIGNATURE_INPUT);
    if (input == null) {
      return;
    }
    byte[] body = new byte[0];
    if (request.hasEntity()) {
      try (InputStream entity = request.getEntityStream()) {
        body = entity.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      request.setEntityStream(new ByteArrayInputStream(body));
    }
    URI uri = request.getUriInfo().getRequestUri();
    String authority = uri.getRawAuthority();
    SignedMessage message =
        new SignedMessage(
            request.getMethod(),
            uri.toString(),
            authority == null ? "" : authority.toLowerCase(java.util.Locale.ROOT),
            uri.getRawPath() == null ? "" : uri.getRawPath(),
            uri.getRawQuery() == null ? "?" : "?" + uri.getRawQuery(),
            name -> request.getHeaders().get(name));
    ServiceAccount account;
    try {
      account =
          authenticator.authenticate(input, request.getHeaderString(SIGNATURE), message, body);
    } catch (SignatureException refused) {
      throw new ApiException(
          ErrorCode.UNAUTHENTICATED, "Request signature refused: " + refused.getMessage());
    }
    request.setProperty(CurrentUserProducer.ATTRIBUTE, account.asCaller());
    request.setProperty(ServiceAccountScope.ATTRIBUTE, account);
  }
}
