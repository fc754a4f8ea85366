package dev.pao.devctl.catalog;

import picocli.CommandLine.Command;

/** The catalog commands. */
@Command(
    name = "catalog",
    description = "Browse the served catalog; validate and preview documents offline.",
    subcommands = {
      CatalogListCommand.class,
      CatalogShowCommand.class,
      CatalogFormCommand.class,
      CatalogSchemaCommand.class,
      CatalogValidateCommand.class,
      CatalogPreviewCommand.class
    })
public final class CatalogCommand {}
