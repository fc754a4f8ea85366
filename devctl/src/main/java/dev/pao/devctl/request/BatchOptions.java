package dev.pao.devctl.request;

import dev.pao.devctl.DevctlException;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Acting on several requests at once: the requests matching {@code --status}, {@code --item} and
 * {@code --since} are listed, and nothing happens until the user confirms (or gave {@code --yes}).
 */
public final class BatchOptions {
  @Mixin RequestFilters filters;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask before acting on several requests.")
  boolean yes;

  /** The request ids to act on: {@code id} alone, or the confirmed matches of the filters. */
  List<String> select(String id, ApiClient client, OutputOptions output, String verb) {
    if (id != null && filters.any()) {
      throw new DevctlException(ExitCodes.USAGE, "Give a request id or filters, not both");
    }
    if (id != null) {
      return List.of(id);
    }
    if (!filters.any()) {
      throw new DevctlException(
          ExitCodes.USAGE, "Give a request id, or --status/--item/--since for a batch");
    }
    Map<String, String> query = filters.query(output.environment().clock());
    query.put("limit", "200");
    List<JsonObject> matches = client.all("/api/v1/requests", query);
    if (matches.isEmpty()) {
      output.err().println("No request matches.");
      output.err().flush();
      return List.of();
    }
    RequestPrinter.list(output, matches);
    if (!yes && !confirmed(output, verb + " these " + matches.size() + " requests? [y/N] ")) {
      throw new DevctlException(ExitCodes.REJECTED, "Nothing done");
    }
    return matches.stream().map(request -> Jsons.text(request, "id", "")).toList();
  }

  private static boolean confirmed(OutputOptions output, String question) {
    output.err().print(question);
    output.err().flush();
    try {
      String answer = output.environment().input().readLine();
      return answer != null
          && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies {@code action} to every id, reporting each outcome; answers the exit code: 0 when all
   * succeeded, otherwise the code of the first failure.
   */
  static int each(List<String> ids, OutputOptions output, Function<String, String> action) {
    int exitCode = ExitCodes.OK;
    for (String id : ids) {
      try {
        output.out().println(id + ": " + action.apply(id));
      } catch (DevctlException e) {
        output.err().println(id + ": " + e.getMessage());
        e.details().forEach(detail -> output.err().println("  " + detail));
        if (exitCode == ExitCodes.OK) {
          exitCode = e.exitCode();
        }
      }
    }
    output.out().flush();
    output.err().flush();
    return exitCode;
  }
}
