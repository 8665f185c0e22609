package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real headless Chromium: search, facets and the back button, pagination, the document page, upload,
 * and hostile markup in a title and a text. Skips when Chromium or its driver is not installed.
 */
class BrowserIT extends AbstractServiceIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String SOURCE = "浏览器测试";
    static final int DOCS = 25;
    static final String HOSTILE_ID = "ui-hostile";

    private static WebDriver driver;
    private static Path profile;
    private static boolean indexed;

    @LocalServerPort
    int port;

    @Autowired
    DocumentStore store;

    @BeforeAll
    static void browser() throws IOException {
        driver = start(1280, 900);
    }

    /** A headless Chromium, or a skipped test when it is not installed. */
    static WebDriver start(int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            System.out.println("SKIPPED: browser tests need " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "chromium/chromedriver absent");
        profile = Files.createTempDirectory("policy-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        // An alert left open must fail the next step visibly rather than being dismissed silently.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void indexOnce() throws IOException {
        if (indexed) {
            return;
        }
        for (int i = 0; i < DOCS; i++) {
            store.put(
                    doc(
                            "ui-" + i,
                            "关于推进乡村振兴的第" + i + "号文件",
                            "各地要全面推进乡村振兴，巩固拓展脱贫攻坚成果。第" + i + "项措施落实到村。",
                            (2019 + i % 3) + "-03-0" + (1 + i % 9),
                            i % 2 == 0 ? "讲话" : "通知"),
                    false);
        }
        store.put(
                doc(
                        HOSTILE_ID,
                        "<script>alert(1)</script>",
                        "乡村振兴示范 <img src=x onerror=alert(2)> 全面推進鄉村振興戰略。",
                        "2018-01-01",
                        "通知"),
                true);
        indexed = true;
    }

    static PolicyDocument doc(String id, String title, String text, String date, String type) {
        return TestDocument.builder(id)
                .title(title)
                .text(text)
                .date(date)
                .source(SOURCE)
                .sourceUrl("https://www.gov.cn/zhengce/" + id + ".htm")
                .issuingBody("国务院办公厅")
                .docNumber("国办发〔2020〕" + id.length() + "号")
                .type(type)
                .regions(List.of("四川"))
                .topics(List.of("乡村振兴"))
                .keywords(List.of("乡村振兴", "脱贫攻坚"))
                .script("simplified")
                .build();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits, reading the page again while it re-renders: the results are replaced without a reload, so an element
     * read between two renders can be detached by the time its text is asked for.
     */
    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String total() {
        return driver.findElement(By.id("results-heading")).getText();
    }

    private static WebElement facetOption(String facet, String value) {
        return driver.findElement(By.cssSelector("fieldset[data-facet='" + facet + "'] input[value='" + value + "']"));
    }

    private static long facetCount(String facet, String value) {
        WebElement input = facetOption(facet, value);
        WebElement label = driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
        return Long.parseLong(label.findElement(By.className("count")).getText());
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void typedQueryShowsHighlightedResults() {
        driver.get(url("/"));
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("乡村振兴");
        q.sendKeys(Keys.ENTER);
        await().until(ExpectedConditions.urlContains("q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"));
        await().until(d -> !d.findElements(By.cssSelector(".hit .snippet em")).isEmpty());
        List<String> marked = driver.findElements(By.cssSelector(".hit .snippet em")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marked).contains("乡村振兴");
        assertThat(driver.findElement(By.cssSelector(".hit h2 a")).getAttribute("href"))
                .contains("/documents/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertNoAlert();
    }

    @Test
    void facetsToggleWithoutReloadAndTheBackButtonRestores() {
        driver.get(url("/search?q=乡村振兴&source=" + SOURCE));
        assertThat(total()).contains("共 " + (DOCS + 1) + " 条结果");
        long speeches = facetCount("type", "讲话");
        assertThat(speeches).isEqualTo(13);
        // A marker on the window survives only if the page is not reloaded.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.__noReload = true");

        facetOption("type", "讲话").click();
        await().until(ExpectedConditions.urlContains("type=%E8%AE%B2%E8%AF%9D"));
        await().until(d -> total().contains("共 " + speeches + " 条结果"));
        assertThat(facetOption("type", "讲话").isSelected()).isTrue();
        // Year counts now count speeches only.
        assertThat(facetCount("year", "2020")).isEqualTo(4);

        facetOption("year", "2020").click();
        await().until(ExpectedConditions.urlContains("year=2020"));
        await().until(d -> total().contains("共 4 条结果"));

        facetOption("type", "讲话").click();
        await().until(d -> !d.getCurrentUrl().contains("type="));
        await().until(d -> total().contains("共 8 条结果"));

        driver.navigate().back();
        await().until(ExpectedConditions.urlContains("type=%E8%AE%B2%E8%AF%9D"));
        await().until(d -> total().contains("共 4 条结果"));
        assertThat(facetOption("type", "讲话").isSelected()).isTrue();
        driver.navigate().back();
        await().until(d -> !d.getCurrentUrl().contains("year="));
        await().until(d -> total().contains("共 " + speeches + " 条结果"));
        assertThat(facetOption("year", "2020").isSelected()).isFalse();
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.__noReload"))
                .isEqualTo(true);
    }

    @Test
    void paginates() {
        driver.get(url("/search?q=乡村振兴&sort=-date&source=" + SOURCE));
        assertThat(driver.findElements(By.cssSelector(".hit"))).hasSize(20);
        driver.findElement(By.cssSelector(".pagination a[rel=next]")).click();
        await().until(ExpectedConditions.urlContains("page=2"));
        await().until(d -> d.findElements(By.cssSelector(".hit")).size() == DOCS + 1 - 20);
        assertThat(driver.findElement(By.cssSelector(".pagination a[aria-current=page]"))
                        .getText())
                .isEqualTo("2");
        // Newest first: the oldest document (the 2018 one) is the last on the last page.
        List<WebElement> hits = driver.findElements(By.cssSelector(".hit h2 a"));
        assertThat(hits.get(hits.size() - 1).getText()).isEqualTo("<script>alert(1)</script>");
        assertNoAlert();
    }

    @Test
    void documentPageShowsMetadataAndMarksTheQueryInBothScripts() {
        driver.get(url("/documents/" + HOSTILE_ID + "?q=乡村振兴"));
        String table = driver.findElement(By.className("meta-table")).getText();
        assertThat(table).contains("发文机关", "国务院办公厅", "类型", "通知", "地区", "四川", "文字", "简体");
        assertThat(driver.findElement(By.linkText(SOURCE)).getAttribute("href"))
                .isEqualTo("https://www.gov.cn/zhengce/" + HOSTILE_ID + ".htm");
        List<String> marks = driver.findElements(By.cssSelector(".text mark")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marks).containsExactly("乡村振兴", "鄉村振興");
        assertThat(driver.findElement(By.linkText("下载原始文件")).getAttribute("href"))
                .endsWith("/api/documents/" + HOSTILE_ID + "/original");
    }

    @Test
    void hostileTitleAndTextRenderAsText() {
        driver.get(url("/documents/" + HOSTILE_ID));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(driver.findElement(By.className("text")).getText()).contains("<img src=x onerror=alert(2)>");
        assertThat(driver.findElements(By.cssSelector(".text img"))).isEmpty();
        assertNoAlert();
        driver.get(url("/search?q=示范&source=" + SOURCE));
        assertThat(driver.findElement(By.cssSelector(".hit h2 a")).getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(driver.findElements(By.cssSelector(".hit img"))).isEmpty();
        assertNoAlert();
    }

    @Test
    void uploadShowsEachFilesOutcome() throws IOException {
        Path dir = Files.createTempDirectory("policy-upload");
        File fresh = dir.resolve("浏览器上传测试.txt").toFile();
        Files.writeString(
                fresh.toPath(),
                "关于浏览器上传测试的通知\n\n为检验上传页面，现将有关事项通知如下：一、上传页面逐个上传文件并显示结果。" + System.nanoTime(),
                StandardCharsets.UTF_8);
        File empty = dir.resolve("empty.txt").toFile();
        Files.write(empty.toPath(), new byte[0]);

        driver.get(url("/upload"));
        driver.findElement(By.id("key")).sendKeys(API_KEY);
        driver.findElement(By.id("files")).sendKeys(fresh.getAbsolutePath() + "\n" + empty.getAbsolutePath());
        driver.findElement(By.cssSelector("#upload-form button")).click();
        await().until(d -> d.findElement(By.id("progress-text")).getText().contains("完成"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#outcomes tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("浏览器上传测试.txt", "已入库");
        assertThat(rows.get(1).getText()).contains("empty.txt", "拒收");

        // Same file again: the key is remembered for the tab, the outcome says it exists.
        driver.get(url("/upload"));
        assertThat(driver.findElement(By.id("key")).getAttribute("value")).isEqualTo(API_KEY);
        driver.findElement(By.id("files")).sendKeys(fresh.getAbsolutePath());
        driver.findElement(By.cssSelector("#upload-form button")).click();
        await().until(d -> d.findElement(By.id("progress-text")).getText().contains("完成"));
        assertThat(driver.findElement(By.cssSelector("#outcomes tbody tr")).getText())
                .contains("已存在");
        driver.findElement(By.linkText("已存在")).click();
        await().until(ExpectedConditions.urlContains("/documents/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("关于浏览器上传测试的通知");
    }
}
