package dev.pao.it.portal;

import org.openqa.selenium.By;

/** The admins' queue page: statistics, dead letters with redrive, stuck requests. */
public final class QueuePage {
  private final Browser browser;

  private QueuePage(Browser browser) {
    this.browser = browser;
    browser.awaitHeading("Queue");
    browser.find(By.id("queue-stats"));
  }

  public static QueuePage open(Browser browser) {
    browser.open("#/admin/queue");
    return new QueuePage(browser);
  }

  public boolean showsDeadLetter(String group) {
    return !browser.all(By.cssSelector("#dead-letters tr[data-group='" + group + "']")).isEmpty();
  }

  /** Redrives the dead letter of a message group and waits for the confirmation. */
  public String redrive(String group) {
    browser
        .find(By.cssSelector("#dead-letters tr[data-group='" + group + "'] button.redrive"))
        .click();
    return browser.find(By.id("redriven")).getText();
  }

  public String stats() {
    return browser.find(By.id("queue-stats")).getText();
  }
}
