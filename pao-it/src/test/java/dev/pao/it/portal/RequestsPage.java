package dev.pao.it.portal;

import org.openqa.selenium.By;

/** Your and your teams' requests: status filter, "only mine", paging. */
public final class RequestsPage {
  private final Browser browser;

  private RequestsPage(Browser browser) {
    this.browser = browser;
    browser.find(By.id("request-table"));
  }

  public static RequestsPage open(Browser browser) {
    browser.open("#/requests");
    return new RequestsPage(browser);
  }

  /** Waits until the list shows a request for {@code catalogItemId}. */
  public RequestsPage awaitRequestFor(String catalogItemId) {
    browser.awaitText(By.id("request-table"), catalogItemId);
    return this;
  }
}
