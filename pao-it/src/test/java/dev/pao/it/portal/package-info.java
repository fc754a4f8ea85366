/**
 * Browser tests of the developer portal: headless Debian Chromium driven by Selenium, one page
 * object per portal page (tests never reach for CSS paths themselves), an axe-core accessibility
 * scan and a screenshot of every page under {@code target/portal-screenshots}.
 */
package dev.pao.it.portal;
