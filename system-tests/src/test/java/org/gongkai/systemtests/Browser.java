package org.gongkai.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the portal through the
 * gateway, with a fresh profile each time. {@link #shoot} saves the page at 1280 px and at 390 px width (a phone)
 * under {@code target/screenshots/<test>/}, so a reviewer can look at every page a test visited.
 */
final class Browser implements AutoCloseable {

    static final String BASE = "http://localhost:" + Suite.GATEWAY;
    private static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final Path shots;
    private int shot;

    Browser(String test) throws IOException {
        profile = Files.createTempDirectory("gongkai-chromium-");
        downloads = Files.createDirectories(Suite.home().getParent().resolve("downloads").resolve(test));
        shots = Files.createDirectories(Path.of(System.getProperty("gongkai.screenshots", "target/screenshots")).toAbsolutePath().resolve(test));
        try (var old = Files.list(shots)) { // only this run's pages
            for (Path png : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("gongkai.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("gongkai.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        // downloads in headless mode go where we say
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    void open(String path) {
        driver.get(BASE + path);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    WebElement find(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return find(by).getText().strip();
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the next page to replace this one. */
    void clickAndWait(By by) {
        WebElement element = find(by);
        element.click();
        waiting().until(ExpectedConditions.stalenessOf(element));
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    String html() {
        return driver.getPageSource();
    }

    /** Full-page screenshots of the current page at desktop and phone width. */
    void shoot(String name) throws IOException {
        shot++;
        for (int width : List.of(1280, 390)) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            @SuppressWarnings("unchecked")
            Map<String, Object> png = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                            "height", Math.min(12000, Math.max(600, height.intValue())), "scale", 1)));
            Files.write(shots.resolve(String.format("%02d-%s-%dpx.png", shot, name, width)),
                    Base64.getDecoder().decode((String) png.get("data")));
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Signs in on Keycloak's own login page (the portal never sees the password). */
    void logIn(String user) throws IOException {
        open("/portal/login");
        clickAndWait(By.id("login-keycloak"));
        find(By.id("username"));
        waiting().until(d -> d.getCurrentUrl().startsWith("http://localhost:" + Suite.KEYCLOAK + "/realms/gongkai/"));
        shoot("keycloak-login-" + user);
        type(By.id("username"), user);
        type(By.id("password"), user + "-pw");
        clickAndWait(By.id("kc-login"));
        waiting().until(d -> d.getCurrentUrl().startsWith(BASE + "/portal/"));
        waiting().until(ExpectedConditions.textToBe(By.id("signed-in-user"), user));
    }

    /** Logs out; the Keycloak session ends too, so the next login asks for the password again. */
    void logOut() {
        clickAndWait(By.id("logout"));
        waiting().until(d -> d.getCurrentUrl().equals(BASE + "/"));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
