package io.eventplatform.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real headless Chromium for the gateway's pages ({@code /admin}, {@code /docs}), from Debian's chromium and chromium-driver packages. */
final class Chromium {

    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** A browser; where none is installed the calling test is skipped, saying which page went untested. */
    static ChromeDriver orSkip(String page) {
        Optional<ChromeDriver> browser = browser();
        Assumptions.assumeTrue(browser.isPresent(), "No headless Chromium here (Debian: apt-get install chromium "
                + "chromium-driver; .ci/run installs them): the " + page + " page test is skipped");
        return browser.get();
    }

    private static Optional<ChromeDriver> browser() {
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
