package dev.pao.serviceaccount.signature;

import java.util.List;

/**
 * The parts of an HTTP request a signature may cover: derived components (RFC 9421 §2.2) as they
 * were sent, and header fields by lower-case name.
 *
 * @param path the target URI's absolute path, not decoded
 * @param query the query with its leading {@code ?}, or {@code ?} when there is none
 */
public record SignedMessage(
    String method,
    String targetUri,
    String authority,
    String path,
    String query,
    HeaderSource headers) {

  /** Header field values by name (case-insensitive), as received. */
  @FunctionalInterface
  public interface HeaderSource {
    List<String> values(String name);
  }
}
