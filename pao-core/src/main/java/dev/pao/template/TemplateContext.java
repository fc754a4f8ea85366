package dev.pao.template;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is known when a template is checked at publish time: the declared form fields, which {@code
 * .output} keys the actions before, at and after this one produce, the catalog items whose metadata
 * may be read and the {@code .system} keys. Build one per action with {@link #builder()}; it is
 * immutable.
 */
public final class TemplateContext {

  /** The metadata fields every catalog item has, besides its custom keys. */
  public static final List<String> STANDARD_METADATA_FIELDS =
      List.of("id", "name", "version", "description", "category", "owner", "tags");

  /** The {@code .system} keys the request runner provides. */
  public static final List<String> SYSTEM_KEYS =
      List.of(
          "requestId",
          "correlationId",
          "timestamp",
          "user.email",
          "user.name",
          "user.teams",
          "platform.region",
          "platform.environment");

  private final Set<String> currentPaths;
  private final Set<String> currentGroups;
  private final Set<String> earlierOutputs;
  private final Map<String, String> laterOutputs;
  private final String actionId;
  private final Set<String> ownOutputs;
  private final Map<String, Set<String>> metadataItems;
  private final Set<String> systemKeys;
  private final Set<String> systemGroups;

  private TemplateContext(Builder builder) {
    currentPaths = Collections.unmodifiableSet(new LinkedHashSet<>(builder.currentPaths));
    currentGroups = groupsOf(currentPaths);
    earlierOutputs = Set.copyOf(builder.earlierOutputs);
    laterOutputs = Map.copyOf(builder.laterOutputs);
    actionId = builder.actionId;
    ownOutputs = Set.copyOf(builder.ownOutputs);
    metadataItems = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadataItems));
    systemKeys = Collections.unmodifiableSet(new LinkedHashSet<>(builder.systemKeys));
    systemGroups = groupsOf(systemKeys);
  }

  /** A builder for a context that knows nothing yet: every reference would be a problem. */
  public static Builder builder() {
    return new Builder();
  }

  private static Set<String> groupsOf(Set<String> paths) {
    Set<String> groups = new HashSet<>();
    for (String path : paths) {
      for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
        groups.add(path.substring(0, dot));
      }
    }
    return Set.copyOf(groups);
  }

  /** Whether {@code path} is a declared field or a group of declared fields. */
  boolean isCurrent(String path) {
    return currentPaths.contains(path) || currentGroups.contains(path);
  }

  Set<String> currentPaths() {
    return currentPaths;
  }

  boolean isEarlierOutput(String key) {
    return earlierOutputs.contains(key);
  }

  /** The output keys produced by actions that run before this one, sorted. */
  Collection<String> earlierOutputs() {
    return new java.util.TreeSet<>(earlierOutputs);
  }

  boolean isOwnOutput(String key) {
    return ownOutputs.contains(key);
  }

  Optional<String> actionId() {
    return Optional.ofNullable(actionId);
  }

  Optional<String> laterProducer(String key) {
    return Optional.ofNullable(laterOutputs.get(key));
  }

  boolean isMetadataItem(String itemId) {
    return metadataItems.containsKey(itemId);
  }

  /** The readable fields of an item: the standard ones and its custom keys. */
  Set<String> metadataFields(String itemId) {
    Set<String> fields = new LinkedHashSet<>(STANDARD_METADATA_FIELDS);
    fields.addAll(metadataItems.getOrDefault(itemId, Set.of()));
    return fields;
  }

  boolean isSystem(String path) {
    return systemKeys.contains(path) || systemGroups.contains(path);
  }

  Set<String> systemKeys() {
    return systemKeys;
  }

  /** Collects what a {@link TemplateContext} knows. */
  public static final class Builder {
    private final Set<String> currentPaths = new LinkedHashSet<>();
    private final Set<String> earlierOutputs = new HashSet<>();
    private final Map<String, String> laterOutputs = new LinkedHashMap<>();
    private String actionId;
    private final Set<String> ownOutputs = new HashSet<>();
    private final Map<String, Set<String>> metadataItems = new LinkedHashMap<>();
    private final Set<String> systemKeys = new LinkedHashSet<>(SYSTEM_KEYS);

    private Builder() {}

    /**
     * Declares form fields by dotted path: {@code name} for a top-level field, {@code network.vpc}
     * for a field of group {@code network}.
     */
    public Builder currentFields(Collection<String> paths) {
      currentPaths.addAll(paths);
      return this;
    }

    /** Declares form fields by dotted path. */
    public Builder currentFields(String... paths) {
      return currentFields(List.of(paths));
    }

    /** Declares output keys produced by actions that run before this one. */
    public Builder earlierOutputs(Collection<String> keys) {
      earlierOutputs.addAll(keys);
      return this;
    }

    /**
     * Declares output keys produced by a later action, so a reference to one can name the action
     * that produces it.
     */
    public Builder laterOutputs(String producingActionId, Collection<String> keys) {
      Objects.requireNonNull(producingActionId, "producingActionId");
      for (String key : keys) {
        laterOutputs.putIfAbsent(key, producingActionId);
      }
      return this;
    }

    /**
     * Names the action whose templates are checked and the output keys it produces itself: an
     * action reading its own output is a cycle and is reported.
     */
    public Builder action(String id, Collection<String> ownOutputKeys) {
      actionId = Objects.requireNonNull(id, "id");
      ownOutputs.addAll(ownOutputKeys);
      return this;
    }

    /** Declares a catalog item whose metadata may be read, with its custom metadata keys. */
    public Builder metadataItem(String itemId, Collection<String> customKeys) {
      metadataItems.put(Objects.requireNonNull(itemId, "itemId"), Set.copyOf(customKeys));
      return this;
    }

    /** Replaces the default {@link #SYSTEM_KEYS} with other dotted {@code .system} keys. */
    public Builder systemKeys(Collection<String> keys) {
      systemKeys.clear();
      systemKeys.addAll(keys);
      return this;
    }

    /** The immutable context. */
    public TemplateContext build() {
      return new TemplateContext(this);
    }
  }
}
