package dev.pao.devctl.session;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.config.ContextSettings;
import dev.pao.devctl.config.DevctlConfig;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Stores a server and a token as a context and makes it current: a token given with {@code
 * --token}, or, on a server in development mode, one minted for the identity given with {@code
 * --email}.
 */
@Command(
    name = "login",
    description = {
      "Store a server URL and a token as a context and make it the current one.",
      "Development mode: --email (with --team, --role) mints a token via POST /api/v1/dev/token."
    })
public final class LoginCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--url", paramLabel = "URL", description = "Server URL (default: the context's).")
  String url;

  @ArgGroup(multiplicity = "1")
  Credentials credentials;

  static final class Credentials {
    @Option(
        names = "--token",
        paramLabel = "JWT",
        description = "A token from the identity provider.")
    String token;

    @ArgGroup(exclusive = false)
    DevIdentity identity;
  }

  static final class DevIdentity {
    @Option(
        names = "--email",
        required = true,
        paramLabel = "EMAIL",
        description = "Development mode: mint a token for this e-mail address.")
    String email;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name of that identity.")
    String name;

    @Option(names = "--team", paramLabel = "TEAM", description = "A team (repeatable).")
    List<String> teams = new ArrayList<>();

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description = "A role: developer, platform or admin (repeatable).")
    List<String> roles = new ArrayList<>();
  }

  @Override
  public Integer call() {
    DevctlConfig config = connection.config();
    String name =
        connection.requestedContext() != null
            ? connection.requestedContext()
            : config.currentContext().orElse(DevctlConfig.DEFAULT_CONTEXT);
    String server =
        url != null
            ? url
            : config.context(name).map(ContextSettings::url).orElse(ConnectionOptions.DEFAULT_URL);
    String token = credentials.token != null ? credentials.token : mint(server);
    JsonObject me = new ApiClient(new ContextSettings(server, token)).get("/api/v1/me").object();
    config.put(name, new ContextSettings(server, token));
    config.save();
    output
        .out()
        .println(
            "Logged in to "
                + server
                + " as "
                + Jsons.text(me, "email", "?")
                + " (roles: "
                + WhoamiCommand.joined(me, "roles")
                + "); context '"
                + name
                + "' saved in "
                + config.file());
    return ExitCodes.OK;
  }

  private String mint(String server) {
    DevIdentity identity = credentials.identity;
    JsonArrayBuilder teams = Json.createArrayBuilder();
    identity.teams.forEach(teams::add);
    JsonArrayBuilder roles = Json.createArrayBuilder();
    identity.roles.forEach(roles::add);
    JsonObject body =
        Json.createObjectBuilder()
            .add("email", identity.email)
            .add("name", identity.name != null ? identity.name : localPart(identity.email))
            .add("teams", teams)
            .add("roles", roles)
            .build();
    try {
      return Jsons.text(
          new ApiClient(new ContextSettings(server, null))
              .postAnonymous("/api/v1/dev/token", body)
              .object(),
          "token",
          null);
    } catch (DevctlException e) {
      if (e.exitCode() == ExitCodes.NOT_FOUND) {
        throw new DevctlException(
            ExitCodes.NOT_AUTHENTICATED,
            server + " is not in development mode: log in with --token",
            List.of());
      }
      throw e;
    }
  }

  private static String localPart(String email) {
    int at = email.indexOf('@');
    return at > 0 ? email.substring(0, at) : email;
  }
}
