package id.laporwarga.local.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: a headless Debian Chromium on a 360 px wide phone screen with a fresh profile, driven by
 * Selenium through the chromedriver on the PATH. Screenshots go to {@code target/web-screenshots/}; axe-core checks
 * pages; the Chrome DevTools Protocol sets the phone's location and switches the network off and on.
 *
 * <p>Where Chromium or chromedriver is missing the browser tests are skipped with a notice saying how to install
 * them, unless {@code LAPOR_REQUIRE_BROWSER=true} (set by {@code .ci/run}), which turns that into a failure.
 */
final class Browser implements AutoCloseable {
    static final String INSTALL = "apt-get install chromium chromium-driver";
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final String baseUrl;
    private final String name;
    private final Path profile;
    private int shots;

    private Browser(ChromeDriver driver, String baseUrl, String name, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.name = name;
        this.profile = profile;
    }

    /** The chromium and chromedriver executables, or a skip (a failure with LAPOR_REQUIRE_BROWSER=true). */
    static Path[] requireChromium() {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"))
                .or(() -> onPath("google-chrome"));
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isPresent() && chromedriver.isPresent()) {
            return new Path[] {chromium.get(), chromedriver.get()};
        }
        String notice = "Browser tests SKIPPED: " + (chromium.isEmpty() ? "chromium" : "chromedriver")
                + " is not on the PATH. Install both to run them: " + INSTALL
                + " (Debian/Ubuntu; CI sets LAPOR_REQUIRE_BROWSER=true so that they are never skipped)";
        if (Boolean.parseBoolean(System.getenv("LAPOR_REQUIRE_BROWSER"))) {
            fail(notice.replace("SKIPPED", "FAILED (LAPOR_REQUIRE_BROWSER=true)"));
        }
        System.out.println("\n*** " + notice + " ***\n");
        Assumptions.abort(notice);
        return null;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    /** A new browser (its own profile: its own storage, cache and service worker) for the person {@code name}. */
    static Browser open(String baseUrl, String name) {
        Path[] executables = requireChromium();
        // on a loaded machine Chromium's DevTools socket now and then never answers Selenium's connection: that start
        // is abandoned (its chromedriver and Chromium stopped) and the browser started again
        for (int attempt = 1; ; attempt++) {
            try {
                return start(executables, baseUrl, name);
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw new IllegalStateException("Chromium did not start in " + START_TIMEOUT + ", 3 times", e);
                }
                System.out.printf("browser %s: Chromium did not start in %s; starting it again%n", name, START_TIMEOUT);
            }
        }
    }

    private static Browser start(Path[] executables, String baseUrl, String name) throws TimeoutException {
        Path profile;
        try {
            profile = Files.createTempDirectory("lapor-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executables[0].toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--window-size=360,740", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executables[1].toFile()).usingAnyFreePort().build();
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chromium-start-" + name);
            t.setDaemon(true);
            return t;
        });
        Future<ChromeDriver> starting = starter.submit(() -> new ChromeDriver(service, options));
        try {
            ChromeDriver driver = starting.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, baseUrl, name, profile);
        } catch (TimeoutException e) {
            starting.cancel(true);
            service.stop();
            stopChromium(profile);
            deleteProfile(profile);
            throw e;
        } catch (ExecutionException e) {
            service.stop();
            deleteProfile(profile);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            starter.shutdownNow();
        }
    }

    /** Stops the Chromium processes of this profile only (those whose command line names it). */
    private static void stopChromium(Path profile) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--user-data-dir=" + profile)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    Browser go(String path) {
        driver.get(baseUrl + path);
        waitFor(d -> "complete".equals(js("return document.readyState")));
        return this;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(200)).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element is displayed, and answers it. */
    WebElement visible(String css) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
    }

    /** Waits until the element's text contains {@code text}, and answers the whole text. */
    String waitForText(String css, String text) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text) ? found.get(0).getText() : null;
        });
    }

    /** An attribute of the first element matching {@code css} (null when none), read in one step: never stale. */
    String attribute(String css, String name) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
    }

    Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    Browser choose(String css, String value) {
        waitFor(d -> !d.findElements(By.cssSelector(css + " option[value='" + value + "']")).isEmpty());
        new Select(find(css)).selectByValue(value);
        return this;
    }

    Browser click(String css) {
        visible(css).click();
        return this;
    }

    /** Saves a screenshot as target/web-screenshots/{person}-{n}-{step}.png. */
    Path screenshot(String step) {
        try {
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++shots, step));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core on the current page: no serious or critical violation (the others are printed). */
    Results assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        results.getViolations().stream().filter(r -> !blocking.contains(r)).forEach(r ->
                System.out.printf("axe (%s, %s): %s — %s%n", page, r.getImpact(), r.getId(), r.getHelp()));
        assertTrue(blocking.isEmpty(), "axe-core: serious or critical violations on " + page + ": "
                + blocking.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList());
        System.out.printf("axe: %s has no serious or critical violation (%d passes)%n", page,
                results.getPasses().size());
        return results;
    }

    /** A Chrome DevTools Protocol command. */
    Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** The phone's GPS at {@code latLon}, with permission granted to the site. */
    Browser locatedAt(double[] latLon) {
        cdp("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"), "origin", baseUrl));
        cdp("Emulation.setGeolocationOverride", Map.of("latitude", latLon[0], "longitude", latLon[1],
                "accuracy", 8));
        return this;
    }

    /** Network off (true) or back on (false), as the DevTools "Offline" switch does. */
    Browser offline(boolean off) {
        cdp("Network.enable", Map.of());
        cdp("Network.emulateNetworkConditions", Map.of("offline", off, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        deleteProfile(profile);
    }
}
