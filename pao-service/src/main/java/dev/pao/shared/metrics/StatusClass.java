package dev.pao.shared.metrics;

/** The class of an HTTP status as a metric label: {@code 2xx} ... {@code 5xx}. */
enum StatusClass {
  INFORMATIONAL("1xx"),
  SUCCESS("2xx"),
  REDIRECTION("3xx"),
  CLIENT_ERROR("4xx"),
  SERVER_ERROR("5xx");

  private final String label;

  StatusClass(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The class of {@code status}; anything outside 100-599 counts as a server error. */
  static StatusClass of(int status) {
    int hundreds = status / 100;
    return hundreds >= 1 && hundreds <= 5 ? values()[hundreds - 1] : SERVER_ERROR;
  }
}
