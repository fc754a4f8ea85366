package dev.pao.devctl.catalog;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.config.ConnectionOptions;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.Format;
import dev.pao.devctl.output.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The JSON Schema of catalog documents (GET /api/v1/catalog/schema). */
@Command(
    name = "schema",
    description = "Print the JSON Schema of catalog documents (GET /api/v1/catalog/schema).")
public final class CatalogSchemaCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    var schema = connection.client().get("/api/v1/catalog/schema").data();
    if (output.format() == Format.yaml) {
      output.printStructured(schema);
    } else {
      output.out().println(Jsons.pretty(schema));
      output.out().flush();
    }
    return ExitCodes.OK;
  }
}
