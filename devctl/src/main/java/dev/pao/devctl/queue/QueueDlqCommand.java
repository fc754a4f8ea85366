package dev.pao.devctl.queue;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
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

/** Dead letters (GET /api/v1/queue/dlq/messages), read and released at once. */
@Command(
    name = "dlq",
    description = "List dead letters (read and released at once, never deleted).")
public final class QueueDlqCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N, 1-100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    JsonValue letters =
        connection
            .client()
            .get("/api/v1/queue/dlq/messages", Map.of("limit", String.valueOf(limit)))
            .data();
    if (output.structured()) {
      output.printStructured(letters);
      return ExitCodes.OK;
    }
    Table table = Table.of("MESSAGE", "GROUP", "RECEIVES", "SENT", "BODY");
    for (JsonValue value : letters.asJsonArray()) {
      JsonObject letter = value.asJsonObject();
      table.row(
          Jsons.text(letter, "message_id", ""),
          Jsons.text(letter, "message_group_id", ""),
          Jsons.text(letter, "receive_count", ""),
          Jsons.text(letter, "sent_at", ""),
          Jsons.text(letter, "body", ""));
    }
    output.printTable(table, column -> false);
    return ExitCodes.OK;
  }
}
