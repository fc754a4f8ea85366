package dev.pao.action;

import dev.pao.action.spi.ActionExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The executors of every action type, found as CDI beans ({@link ActionExecutor}) and indexed by
 * their {@link ActionExecutor#type()}: a new action type is a new bean, nothing here changes. Each
 * executor reads its own configuration (see its package).
 */
@ApplicationScoped
public class ActionExecutors {
  @Inject Instance<ActionExecutor> executors;

  private final Map<String, ActionExecutor> byType = new HashMap<>();

  @PostConstruct
  void index() {
    executors.forEach(
        executor -> {
          ActionExecutor previous = byType.putIfAbsent(executor.type(), executor);
          if (previous != null) {
            throw new IllegalStateException("Two executors for action type " + executor.type());
          }
        });
  }

  /** The executor of an action type, if the type is known. */
  public Optional<ActionExecutor> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The known action types. */
  public Set<String> types() {
    return Set.copyOf(byType.keySet());
  }
}
