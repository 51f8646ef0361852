package org.coproduced.commissioning.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Stops a browser test class before the application starts when there is no browser to run it. */
final class BrowserInstalled implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    Browser.requireInstalled();
  }
}
