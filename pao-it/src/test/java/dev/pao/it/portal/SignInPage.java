package dev.pao.it.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The sign-in page: development sign-in, or the organisation's identity provider. */
public final class SignInPage {
  private final Browser browser;

  public SignInPage(Browser browser) {
    this.browser = browser;
  }

  public static SignInPage open(Browser browser) {
    browser.open("#/sign-in");
    browser.awaitHeading("Sign in");
    return new SignInPage(browser);
  }

  /** Signs in with a development token for this identity and waits for the page that follows. */
  public void signInAs(String email, String name, List<String> teams, List<String> roles) {
    browser.awaitHeading("Sign in");
    type("dev-email", email);
    type("dev-name", name);
    type("dev-teams", String.join(", ", teams));
    for (WebElement box : browser.all(By.name("role"))) {
      if (box.isSelected() != roles.contains(box.getAttribute("value"))) {
        box.click();
      }
    }
    browser.find(By.id("dev-submit")).click();
    browser.find(By.id("sign-out"));
  }

  public boolean showsExpiredNotice() {
    return browser.find(By.cssSelector("main .notice")).getText().contains("session has ended");
  }

  public boolean offersDevelopmentSignIn() {
    browser.find(By.id("oidc-sign-in"));
    return !browser.all(By.id("dev-sign-in")).isEmpty();
  }

  public void signInWithOrganisation() {
    browser.find(By.id("oidc-sign-in")).click();
    browser.find(By.id("sign-out"));
  }

  public String signedInAs() {
    return browser.find(By.cssSelector(".signed-in-as")).getText();
  }

  public void signOut() {
    browser.find(By.id("sign-out")).click();
    browser.awaitHeading("Sign in");
  }

  private void type(String id, String text) {
    WebElement input = browser.find(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
