package dev.pao.request.domain;

import dev.pao.shared.domain.NotFoundException;

/** No such request, or none the caller may see (the two are answered alike). */
public class RequestNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  public RequestNotFoundException(String id) {
    super("No request " + id);
  }

  public RequestNotFoundException(RequestId id) {
    this(id.toString());
  }
}
