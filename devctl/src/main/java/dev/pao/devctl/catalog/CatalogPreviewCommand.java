package dev.pao.devctl.catalog;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.preview.ActionPreview;
import dev.pao.catalog.validation.FormFields;
import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.input.FormDataOptions;
import dev.pao.devctl.output.OutputOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Offline preview of a document's actions rendered with sample form data. */
@Command(
    name = "preview",
    description = {
      "Render a catalog document's actions offline with sample form data: defaults applied,"
          + " earlier outputs as <key>, sensitive values as ***.",
      "The document is validated first (exit 1 with its problems when it is rejected); exit 1"
          + " also when the form data has problems."
    })
public final class CatalogPreviewCommand implements Callable<Integer> {
  @Mixin OutputOptions output;
  @Mixin FormDataOptions formData;

  @Parameters(paramLabel = "FILE", description = "A CatalogItem or CatalogBundle document.")
  Path file;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      defaultValue = "developer@example.com",
      description = "The requester's e-mail in .system.user (default: ${DEFAULT-VALUE}).")
  String email;

  @Override
  public Integer call() {
    OfflineCatalog.Verdict verdict = new OfflineCatalog().check(List.of(file));
    if (!verdict.findings().isEmpty()) {
      verdict.findings().forEach(finding -> output.err().println(finding));
      output.err().flush();
      return ExitCodes.REJECTED;
    }
    CatalogDocument document = verdict.valid().get(file.toAbsolutePath().normalize());
    Map<String, String> types = new HashMap<>();
    FormFields.of(FormFields.formOf(document.definition()))
        .forEach(field -> types.put(field.path(), field.type()));
    ActionPreview.Result result =
        new ActionPreview()
            .preview(document, verdict.items(), formData.values(types::get), system());
    boolean clean =
        result.formErrors().isEmpty()
            && result.actions().stream().allMatch(action -> action.problems().isEmpty());
    if (output.structured()) {
      output.printStructured(Jsons.fromJava(asMap(document, result)));
    } else {
      print(result);
    }
    return clean ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private void print(ActionPreview.Result result) {
    result
        .formErrors()
        .forEach(
            error -> output.out().println("form data: " + error.field() + ": " + error.issue()));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setSplitLines(false);
    Yaml yaml = new Yaml(options);
    int index = 0;
    for (ActionPreview.Action action : result.actions()) {
      index++;
      String where =
          action.component() == null ? "" : action.component() + " (" + action.item() + ") ";
      output
          .out()
          .println(
              output
                  .styles()
                  .bold("# " + index + ". " + where + action.id() + ": " + action.type()));
      output.out().print(yaml.dump(action.rendered()));
      action.problems().forEach(problem -> output.out().println("problem: " + problem));
    }
    output.out().flush();
  }

  private static Map<String, Object> asMap(CatalogDocument document, ActionPreview.Result result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", document.kind().apiName());
    map.put("id", document.id());
    map.put(
        "form_errors",
        result.formErrors().stream()
            .map(error -> Map.of("field", error.field(), "issue", error.issue()))
            .toList());
    map.put(
        "actions",
        result.actions().stream()
            .map(
                action -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("component", action.component());
                  entry.put("item", action.item());
                  entry.put("id", action.id());
                  entry.put("type", action.type());
                  entry.put("rendered", action.rendered());
                  entry.put("problems", action.problems());
                  return entry;
                })
            .toList());
    return map;
  }

  private Map<String, Object> system() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("email", email);
    user.put("name", email.contains("@") ? email.substring(0, email.indexOf('@')) : email);
    user.put("teams", List.of());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("requestId", "00000000-0000-0000-0000-000000000000");
    values.put("correlationId", "preview");
    values.put(
        "timestamp",
        Instant.now(output.environment().clock()).truncatedTo(ChronoUnit.SECONDS).toString());
    values.put("user", user);
    values.put("platform", Map.of("region", "local", "environment", "development"));
    return values;
  }
}
