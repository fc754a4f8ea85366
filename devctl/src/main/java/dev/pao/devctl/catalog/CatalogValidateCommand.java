package dev.pao.devctl.catalog;

import dev.pao.devctl.ExitCodes;
import dev.pao.devctl.http.Jsons;
import dev.pao.devctl.output.OutputOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Offline validation of catalog documents with the service's own rules and messages. */
@Command(
    name = "validate",
    description = {
      "Validate catalog documents offline, with the server's rules and messages.",
      "PATH is a checkout of the catalog repository (checked as a sync checks a commit), a folder"
          + " or file in it, or a document outside any checkout (checked as"
          + " POST /api/v1/tools/validate does).",
      "Prints every problem as file:line:column: message; exits 1 when anything is rejected."
    })
public final class CatalogValidateCommand implements Callable<Integer> {
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Checkouts, folders or files.")
  List<Path> paths;

  @Override
  public Integer call() {
    OfflineCatalog.Verdict verdict = new OfflineCatalog().check(paths);
    if (output.structured()) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("valid", verdict.findings().isEmpty());
      report.put("documents", verdict.documents());
      report.put(
          "errors",
          verdict.findings().stream()
              .map(
                  finding -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("file", finding.file());
                    error.put("line", finding.line());
                    error.put("column", finding.column());
                    error.put("path", finding.path());
                    error.put("message", finding.message());
                    return error;
                  })
              .toList());
      output.printStructured(Jsons.fromJava(report));
    } else {
      verdict.findings().forEach(finding -> output.out().println(finding));
      long rejected = verdict.findings().stream().map(Finding::file).distinct().count();
      String checked =
          verdict.documents()
              + (verdict.documents() == 1 ? " document" : " documents")
              + " checked";
      output
          .err()
          .println(
              rejected == 0
                  ? checked + ", all valid"
                  : checked
                      + ", "
                      + rejected
                      + " rejected ("
                      + verdict.findings().size()
                      + (verdict.findings().size() == 1 ? " problem)" : " problems)"));
      output.out().flush();
      output.err().flush();
    }
    return verdict.findings().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}
