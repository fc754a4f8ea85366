package dev.pao.devctl.queue;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import dev.pao.devctl.output.Table;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Queue statistics (GET /api/v1/queue/stats). */
@Command(
    name = "stats",
    description = "Depth, in flight, delayed and oldest message age of the queue and DLQ.")
public final class QueueStatsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    JsonObject stats = connection.client().get("/api/v1/queue/stats").object();
    if (output.structured()) {
      output.printStructured(stats);
      return ExitCodes.OK;
    }
    Table queues = Table.of("QUEUE", "DEPTH", "IN FLIGHT", "DELAYED", "OLDEST AGE (S)");
    Table other = Table.of("FIGURE", "VALUE");
    stats.forEach(
        (name, value) -> {
          if (value instanceof JsonObject queue && queue.containsKey("depth")) {
            queues.row(
                name,
                Jsons.text(queue, "depth", ""),
                Jsons.text(queue, "in_flight", ""),
                Jsons.text(queue, "delayed", ""),
                Jsons.text(queue, "oldest_message_age_seconds", ""));
          } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            other.row(name, Jsons.text(stats, name, ""));
          }
        });
    output.printTable(queues, column -> false);
    if (!other.isEmpty()) {
      output.out().println();
      output.printTable(other, column -> false);
    }
    return ExitCodes.OK;
  }
}
