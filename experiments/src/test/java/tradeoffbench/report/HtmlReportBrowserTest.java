package tradeoffbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradeoffbench.claims.Evidence;
import tradeoffbench.claims.FixtureRun;
import tradeoffbench.cli.Main;
import tradeoffbench.lookup.Lookup;

/**
 * report.html in a real browser: headless Chromium (Debian's {@code chromium}, installed by .ci/run) loads the page
 * without a console error, the verdict table and the inline charts are in its DOM, and its screenshot is not blank.
 * Skipped, saying so, where no Chromium is installed.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theReportOpensInHeadlessChromiumWithItsVerdictTableAndCharts() throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no headless Chromium here (apt-get install chromium; .ci/run does)");

        FixtureRun run = FixtureRun.in(dir, "html");
        run.trial(Lookup.POSTGRES_PRIMARY_KEY, 1, Evidence.SAMPLE, "users=10000").target("postgresql", "container")
                .latency(60, 0.05, 60, 200);
        run.trial(Lookup.MONGO_FIND_BY_ID, 1, Evidence.SAMPLE, "users=10000").target("mongodb", "container")
                .latency(40, 0.05, 40, 130);
        Path folder = run.folder().path();
        assertThat(Main.execute("report", folder.toString(), "--claims", "lookup-latency,nines")).isZero();
        Path html = folder.resolve(HtmlReport.FILE_NAME);
        assertThat(html).isRegularFile();

        Browser dom = browse(chromium, html, "--dump-dom");
        assertThat(dom.exit).as(dom.err).isZero();
        assertThat(dom.out).contains("<table id=\"verdicts\">").contains(">lookup-latency</a>")
                .contains("SUPPORTED (checked arithmetic)").contains("<svg");
        assertThat(consoleErrors(dom.err)).as("console errors").isEmpty();

        Path shot = dir.resolve("report.png");
        Browser screenshot = browse(chromium, html, "--screenshot=" + shot, "--window-size=1280,1600");
        assertThat(screenshot.exit).as(screenshot.err).isZero();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).isNotNull();
        assertThat(distinctColours(image)).as("colours in the screenshot (a blank page has 1)").isGreaterThan(20);
        System.out.println("report.html screenshot: " + shot);
    }

    private record Browser(int exit, String out, String err) {
    }

    private static Browser browse(String chromium, Path html, String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
        command.addAll(List.of(what));
        command.add(html.toUri().toString());
        Path log = Files.createTempFile("chromium-", ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        var out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Browser(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }

    /** Lines Chromium logs for the page's console errors and uncaught exceptions. */
    private static List<String> consoleErrors(String log) {
        return log.lines().filter(l -> l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
                .toList();
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
