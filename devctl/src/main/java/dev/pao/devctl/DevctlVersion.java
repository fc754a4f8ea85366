package dev.pao.devctl;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
public final class DevctlVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Devctl.class.getPackage().getImplementationVersion();
    return new String[] {"devctl " + (version == null ? "development build" : version)};
  }
}
