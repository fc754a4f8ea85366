package dev.pao.it.portal;

import org.openqa.selenium.By;

/** The platform team's catalog sync page with the rejected documents. */
public final class SyncPage {
  private final Browser browser;

  private SyncPage(Browser browser) {
    this.browser = browser;
    browser.awaitHeading("Catalog sync");
    browser.find(By.id("sync"));
  }

  public static SyncPage open(Browser browser) {
    browser.open("#/platform/catalog");
    return new SyncPage(browser);
  }

  /** Synchronises now and waits until the rejected table names {@code file}; answers its row. */
  public String refreshUntilRejected(String file) {
    browser.find(By.id("refresh-catalog")).click();
    return browser.awaitText(By.id("rejected"), file).getText();
  }
}
