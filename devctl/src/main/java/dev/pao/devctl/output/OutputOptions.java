package dev.pao.devctl.output;

import dev.pao.devctl.Devctl;
import dev.pao.devctl.Environment;
import dev.pao.devctl.http.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntPredicate;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --output table|json|yaml} and the printing that goes with it. */
public final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format = Format.table;

  public Format format() {
    return format;
  }

  /** Whether the caller wants the data as JSON or YAML rather than a table. */
  public boolean structured() {
    return format != Format.table;
  }

  public PrintWriter out() {
    return mixee.commandLine().getOut();
  }

  public PrintWriter err() {
    return mixee.commandLine().getErr();
  }

  public Environment environment() {
    return ((Devctl) mixee.root().userObject()).environment();
  }

  public Styles styles() {
    return new Styles(environment().colours());
  }

  /** Prints {@code data} as JSON or YAML. */
  public void printStructured(JsonValue data) {
    if (format == Format.yaml) {
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      options.setSplitLines(false);
      out().print(new Yaml(options).dump(Jsons.toJava(data)));
    } else {
      out().println(Jsons.pretty(data));
    }
    out().flush();
  }

  /** Prints a table sized to the terminal; cells of the columns {@code statusColumns} coloured. */
  public void printTable(Table table, IntPredicate statusColumns) {
    Styles styles = styles();
    out()
        .print(
            table.render(
                environment().width(),
                styles::bold,
                (column, padded) -> statusColumns.test(column) ? styles.status(padded) : padded));
    out().flush();
  }

  /** Prints {@code label: value} lines for the given members of {@code object}, when present. */
  public void printFields(JsonObject object, Map<String, String> labelsByMember) {
    int width = labelsByMember.values().stream().mapToInt(String::length).max().orElse(0) + 1;
    Styles styles = styles();
    labelsByMember.forEach(
        (member, label) -> {
          String value = Jsons.text(object, member, null);
          if (value != null) {
            String shown = member.equals("status") ? styles.status(value) : value;
            out()
                .println(styles.bold(String.format("%-" + width + "s", label + ":")) + " " + shown);
          }
        });
    out().flush();
  }
}
