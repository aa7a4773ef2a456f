package io.eventplatform.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real headless Chromium for the gateway's {@code /admin} page, from Debian's chromium and chromium-driver packages. */
final class AdminPage {

    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private AdminPage() {
    }

    /** A browser, or empty where none is installed (the test then says so and is skipped). */
    static Optional<ChromeDriver> browser() {
        Optional<String> browser = BROWSERS.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
        Optional<String> driver = DRIVERS.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
        if (browser.isEmpty() || driver.isEmpty()) {
            return Optional.empty();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // what the page's console says
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver.get()).toFile())
                .usingAnyFreePort().build();
        return Optional.of(new ChromeDriver(service, options));
    }
}
