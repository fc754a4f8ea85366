package dev.pao.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified JWT into a {@link CurrentUser}. Teams: the {@code groups} values that {@link
 * IdentitySettings#isTeam} accepts. Roles: {@code developer} always; {@code platform} and {@code
 * admin} when the PAO-specific {@code pao_roles} claim names them, or when one of the caller's
 * groups is listed in {@code pao.security.platform-teams} / {@code pao.security.admin-teams}. A
 * generic {@code roles} claim is ignored: another application's roles must not grant PAO's.
 */
final class CurrentUsers {
  private final Supplier<IdentitySettings> settings;

  /** Reads the identity settings once: they are fixed for the application's lifetime. */
  CurrentUsers() {
    this(Once.of(IdentitySettings::fromConfig));
  }

  CurrentUsers(Supplier<IdentitySettings> settings) {
    this.settings = settings;
  }

  Optional<CurrentUser> from(Principal principal) {
    if (!(principal instanceof JsonWebToken jwt)) {
      return Optional.empty();
    }
    if (jwt.getRawToken() == null) {
      return Optional.empty();
    }
    IdentitySettings configured = settings.get();
    Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    List<String> teams = new ArrayList<>(groups.stream().filter(configured::isTeam).toList());
    teams.sort(null);
    Set<Role> roles = EnumSet.of(Role.DEVELOPER);
    for (String value : strings(jwt.getClaim(IdentitySettings.ROLES_CLAIM))) {
      Role.fromClaim(value).ifPresent(roles::add);
    }
    if (groups.stream().anyMatch(configured.platformTeams()::contains)) {
      roles.add(Role.PLATFORM);
    }
    if (groups.stream().anyMatch(configured.adminTeams()::contains)) {
      roles.add(Role.ADMIN);
    }
    String email = claim(jwt, "email");
    String name = claim(jwt, "name");
    return Optional.of(
        new CurrentUser(
            jwt.getSubject(),
            email == null ? jwt.getSubject() : email,
            name == null ? jwt.getName() : name,
            teams,
            roles));
  }

  /** A supplier that asks its source once, on first use. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> source;
    private volatile T value;

    private Once(Supplier<T> source) {
      this.source = source;
    }

    static <T> Once<T> of(Supplier<T> source) {
      return new Once<>(source);
    }

    @Override
    public T get() {
      T known = value;
      if (known == null) {
        known = source.get();
        value = known;
      }
      return known;
    }
  }

  private static String claim(JsonWebToken jwt, String name) {
    Object value = jwt.getClaim(name);
    if (value instanceof JsonString string) {
      return string.getString();
    }
    return value == null ? null : value.toString();
  }

  private static List<String> strings(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString string) {
          values.add(string.getString());
        }
      }
    } else if (claim instanceof Collection<?> collection) {
      collection.forEach(value -> values.add(String.valueOf(value)));
    } else if (claim instanceof JsonString string) {
      values.add(string.getString());
    } else if (claim instanceof String string) {
      values.add(string);
    }
    return values;
  }
}
