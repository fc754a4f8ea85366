package dev.pao.catalog.authoring;

import java.util.List;

/**
 * The verdict on a posted catalog document: whether it would be published, its kind and id when
 * they could be read, and every problem with its line and column in the posted text.
 */
public record DocumentCheck(boolean valid, String kind, String id, List<Error> errors) {

  /** One problem: what is wrong, where in the posted text, and the path of the value. */
  public record Error(String message, int line, int column, String path) {}
}
