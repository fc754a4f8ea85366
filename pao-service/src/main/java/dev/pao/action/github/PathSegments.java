package dev.pao.action.github;

import dev.pao.action.spi.ActionFailedException;

/**
 * Checks the values that become parts of GitHub API paths. File paths and branch names keep their
 * slashes as path separators (the contents and ref endpoints want them so), so a {@code .} or
 * {@code ..} segment would make the request reach another endpoint or repository; such values fail
 * the action.
 */
final class PathSegments {
  private PathSegments() {}

  /** A file path inside the repository: no empty, {@code .} or {@code ..} segment. */
  static String filePath(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new ActionFailedException(
            "The path '"
                + path
                + "' must be a file path inside the repository (no '.', '..' or //)");
      }
    }
    return path;
  }

  /** A branch name, by git's own rules for the parts that matter here. */
  static String branch(String branch) {
    if (branch.contains("..")
        || branch.startsWith("/")
        || branch.endsWith("/")
        || branch.contains("//")
        || branch.contains("?")
        || branch.contains("#")
        || branch.contains("%")
        || branch.contains("\\")
        || branch.chars().anyMatch(c -> c <= ' ')) {
      throw new ActionFailedException("The branch '" + branch + "' is not a valid branch name");
    }
    return branch;
  }

  /** A workflow file name ({@code deploy.yml}) or id. */
  static String workflow(String workflow) {
    if (!workflow.matches("[A-Za-z0-9_.-]+") || workflow.matches("\\.{1,2}")) {
      throw new ActionFailedException(
          "The workflow '" + workflow + "' must be a workflow file name or id");
    }
    return workflow;
  }
}
