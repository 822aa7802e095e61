package tradeoffbench.targets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tradeoffbench.targets.postgres.PostgresIdentity;

/** A server that accepts TCP connections and never says a word: the error says it timed out, and after how long. */
class SilentServerTest {

    @Test
    void aServerThatNeverAnswersIsATimeoutNamedAsOne() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/bench";
            assertThatThrownBy(() -> PostgresIdentity.read(TargetMode.EXTERNAL, url, "bench", "s3cret"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageMatching("(?s).*timed out after [1-" + Jdbc.TIMEOUT_SECONDS + "] s: .*")
                    .hasMessageNotContaining("s3cret");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
