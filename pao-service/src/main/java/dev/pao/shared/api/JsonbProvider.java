package dev.pao.shared.api;

import dev.pao.shared.json.Jsons;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON-B as the API speaks it: snake_case property names, nulls left out. */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

  @Override
  public Jsonb getContext(Class<?> type) {
    return Jsons.API;
  }
}
