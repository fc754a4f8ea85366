package dev.pao.devctl.output;

/** The output formats of {@code --output}. */
public enum Format {
  table,
  json,
  yaml
}
