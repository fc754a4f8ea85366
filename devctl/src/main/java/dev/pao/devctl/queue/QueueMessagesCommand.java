package dev.pao.devctl.queue;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.ApiClient;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Unfinished messages of the main queue, from the database (never received from the queue). */
@Command(
    name = "messages",
    description = {
      "List messages sent (or to be sent) and not yet finished, newest first.",
      "With GROUP (a request id): that group's messages in queue order."
    })
public final class QueueMessagesCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "GROUP", arity = "0..1", description = "A message group (request) id.")
  String group;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N messages, 1-200 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    ApiClient client = connection.client();
    JsonValue messages =
        group != null
            ? client.get("/api/v1/queue/messages/" + group).data()
            : client.get("/api/v1/queue/messages", Map.of("limit", String.valueOf(limit))).data();
    if (output.structured()) {
      output.printStructured(messages);
      return ExitCodes.OK;
    }
    Table table =
        Table.of("MESSAGE", "REQUEST", "ACTION", "ATTEMPT", "STATE", "SENT", "LAST ERROR");
    for (JsonValue value : messages.asJsonArray()) {
      JsonObject message = value.asJsonObject();
      table.row(
          Jsons.text(message, "message_id", ""),
          Jsons.text(message, "request_id", ""),
          Jsons.text(message, "action_index", ""),
          Jsons.text(message, "attempt", ""),
          Jsons.text(message, "state", ""),
          Jsons.text(message, "sent_at", ""),
          Jsons.text(message, "last_error", ""));
    }
    output.printTable(table, column -> false);
    return ExitCodes.OK;
  }
}
