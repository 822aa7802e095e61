package tradeoffbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import tradeoffbench.results.ResultsCsv;
import tradeoffbench.results.TidyRow;
import tradeoffbench.targets.ContainerImages;
import tradeoffbench.targets.DockerProbe;

/**
 * The container path, for real: PostgreSQL in a Testcontainers container through the same code users' runs take,
 * from a locally built image (TRADEOFF_BENCH_TEST_PG_IMAGE, built offline by .ci/docker-setup.sh) that is never
 * pulled. Without Docker or without that image these tests print one loud line saying they did not run, and why.
 */
class ContainerModeTest {
    private static final String IMAGE = System.getenv("TRADEOFF_BENCH_TEST_PG_IMAGE");
    private static int ran;

    @TempDir
    Path work;

    private static String whyNot;

    @BeforeAll
    static void requireDockerAndTheLocalImage() {
        if (IMAGE == null || IMAGE.isBlank()) {
            whyNot = "TRADEOFF_BENCH_TEST_PG_IMAGE is not set (.ci/run sets it after building the offline image)";
        } else if (!DockerProbe.testcontainers().available()) {
            whyNot = "Docker does not answer";
        }
        if (whyNot != null) {
            System.out.println("********** CONTAINER TESTS DID NOT RUN: " + whyNot + " **********");
        }
    }

    /** Skipped per test, not per class: Surefire counts each one as skipped, with the reason. */
    @BeforeEach
    void skipWithoutDocker() {
        Assumptions.assumeTrue(whyNot == null, () -> "container tests skipped: " + whyNot);
    }

    @AfterAll
    static void sayThatTheyRan() {
        if (ran > 0) {
            System.out.println("********** CONTAINER TESTS RAN: " + ran + " against image " + IMAGE + " **********");
        }
    }

    @AfterEach
    void noContainerOfThisProjectIsLeft() {
        if (whyNot != null) {
            return;
        }
        assertThat(labelledContainers()).as("containers labelled " + ContainerImages.LABEL + " still present").isEmpty();
        ran++;
    }

    @Test
    void aTinyRunInContainerModeRecordsTheContainerAndItsDurabilitySettings() throws Exception {
        Path results = work.resolve("results");
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--pg-mode", "container", "--pg-image", IMAGE,
                "--image-pull", "never", "--mongo-mode", "none", "-p", "users=1000", "-f", "1", "-wi", "0", "-i", "1",
                "-r", "1", "-t", "1", "--results-dir", results.toString());

        assertThat(console.exit()).isZero();
        Path folder = InterruptTest.onlyFolder(results);
        List<TidyRow> rows = ResultsCsv.read(folder);
        String imageVersion = imagePostgresVersion();
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.target().mode()).isEqualTo("container");
            assertThat(r.target().setting("fsync")).isEqualTo("on");
            assertThat(r.target().setting("synchronous_commit")).isEqualTo("on");
            assertThat(r.target().version()).isEqualTo(imageVersion);
            assertThat(r.score()).isPositive();
        });
        JsonNode run = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(run.at("/targets/postgresql/mode").asText()).isEqualTo("container");
        assertThat(run.at("/targets/postgresql/settings/fsync").asText()).isEqualTo("on");
        assertThat(run.at("/targets/postgresql/version").asText()).isEqualTo(imageVersion);
        assertThat(console.out()).contains("target pg: postgresql " + imageVersion + " (container");
    }

    @Test
    void aMissingLocalImageFailsFastInOneLineWithoutPulling() {
        Console console = Console.run("run", "-b", "postgresPrimaryKey", "--pg-mode", "container",
                "--pg-image", "tradeoff-bench/no-such-image:1", "--image-pull", "never", "--mongo-mode", "none",
                "--results-dir", work.resolve("results").toString());
        assertThat(console.exit()).isEqualTo(2);
        assertThat(console.errLines()).singleElement().asString().isEqualTo("error: image "
                + "tradeoff-bench/no-such-image:1 is not on this Docker host and pulling is off (--image-pull never): "
                + "build or load it first");
        assertThat(console.millis()).isLessThan(15_000);
    }

    @Test
    void ctrlCDuringAContainerRunStopsTheContainerAndKeepsTheRows() throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "container",
                "--pg-image", IMAGE, "--image-pull", "never", "--mongo-mode", "none", "-p", "users=500,600",
                "-f", "1", "-wi", "0", "-i", "8", "-r", "1", "-t", "1", "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> InterruptTest.rowCount(results) >= 1, Duration.ofSeconds(120)))
                    .as("a first benchmark completed; output:%n%s", run.output()).isTrue();
            assertThat(labelledContainers()).as("the run's container while it runs").hasSize(1);
            Thread.sleep(2_000);
            assertThat(run.interrupt(Duration.ofSeconds(60))).isEqualTo(130);
            Path folder = InterruptTest.onlyFolder(results);
            assertThat(ResultsCsv.read(folder)).isNotEmpty();
            assertThat(new ObjectMapper().readTree(folder.resolve("run.json").toFile()).get("status").asText())
                    .isEqualTo("interrupted");
        } finally {
            run.killIfAlive();
        }
    }

    @Test
    void aKilledContainerFailsTheRunKeepsEarlierRowsAndIsRemoved() throws Exception {
        Path results = work.resolve("results");
        ChildRun run = ChildRun.start(work, "run", "-b", "postgresPrimaryKey", "--pg-mode", "container",
                "--pg-image", IMAGE, "--image-pull", "never", "--mongo-mode", "none", "-p", "users=500,600",
                "-f", "1", "-wi", "0", "-i", "8", "-r", "1", "-t", "1", "--results-dir", results.toString());
        try {
            assertThat(run.awaitUntil(() -> InterruptTest.rowCount(results) >= 1, Duration.ofSeconds(120)))
                    .as("a first benchmark completed; output:%n%s", run.output()).isTrue();
            Thread.sleep(2_000);
            List<String> containers = labelledContainers();
            assertThat(containers).hasSize(1);
            new ProcessBuilder("docker", "kill", containers.get(0).split(" ")[0]).inheritIO().start().waitFor();

            assertThat(run.awaitExit(Duration.ofSeconds(120))).as("exit code; output:%n%s", run.output()).isEqualTo(1);
            Path folder = InterruptTest.onlyFolder(results);
            assertThat(ResultsCsv.read(folder)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.param("users")).isEqualTo("500"));
            JsonNode manifest = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
            assertThat(manifest.get("status").asText()).isEqualTo("failed");
            assertThat(manifest.at("/failures/0/benchmark").asText()).endsWith("postgresPrimaryKey");
        } finally {
            run.killIfAlive();
        }
    }

    private static List<String> labelledContainers() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerImages.LABEL, "true")).exec().stream()
                .map(c -> c.getId() + " " + c.getImage() + " " + c.getStatus()).toList();
    }

    /** The PostgreSQL version inside the image, asked of the image itself ("postgres (PostgreSQL) 15.18 (Debian...)"). */
    private static String imagePostgresVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "run", "--rm", "--entrypoint", "sh", IMAGE, "-c",
                "PATH=\"$PATH:$(echo /usr/lib/postgresql/*/bin)\" postgres --version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+\\.\\d+)").matcher(out);
        assertThat(m.find()).as("version in: " + out).isTrue();
        return m.group(1);
    }
}
