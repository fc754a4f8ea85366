package dev.pao.action.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One typed MicroProfile Rest Client per configured instance, built on first use: the instance's
 * base URL (or its stand-in, {@link HostPolicy#destination}), connect and read timeouts, no
 * redirects, its headers, the correlation id, its error classification and plain-tree JSON bodies.
 * Calls through these clients go through {@link OutboundPolicy#callConfigured}.
 *
 * @param <T> the API interface
 */
public final class TypedClients<T> {
  private final Class<T> api;
  private final HostPolicy hosts;
  private final Function<ServiceInstance, RequestHeaders> headers;
  private final Function<ServiceInstance, AnswerClassifier> errors;
  private final Map<String, T> byInstance = new ConcurrentHashMap<>();

  public TypedClients(
      Class<T> api,
      HostPolicy hosts,
      Function<ServiceInstance, RequestHeaders> headers,
      Function<ServiceInstance, AnswerClassifier> errors) {
    this.api = api;
    this.hosts = hosts;
    this.headers = headers;
    this.errors = errors;
  }

  /** The client of an instance. */
  public T of(ServiceInstance instance) {
    return byInstance.computeIfAbsent(instance.name(), name -> build(instance));
  }

  private T build(ServiceInstance instance) {
    return RestClientBuilder.newBuilder()
        .baseUri(hosts.destination(instance.baseUrl()))
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(OutboundPolicy.LONGEST_CALL.toSeconds(), TimeUnit.SECONDS)
        .followRedirects(false)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(headers.apply(instance))
        .register(new CorrelationHeader())
        .register(errors.apply(instance))
        .register(new JsonTree())
        .build(api);
  }
}
