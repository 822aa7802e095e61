package tradeoffbench.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay forwards bytes, a cut closes live connections and refuses new ones, a restore relays again. */
class TcpRelayTest {
    private static ServerSocket echo;

    @BeforeAll
    static void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // connection over
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopEchoServer() throws IOException {
        echo.close();
    }

    @Test
    void cutClosesLiveConnectionsRefusesNewOnesAndRestoreRelaysAgain() throws Exception {
        try (TcpRelay relay = new TcpRelay(echo.getLocalPort())) {
            Socket before = connect(relay);
            assertThat(roundTrip(before, 'a')).isEqualTo('a');

            relay.cut();
            assertThat(readOrEnd(before)).as("a live connection is closed by the cut").isEqualTo(-1);
            try (Socket during = connect(relay)) {
                assertThat(readOrEnd(during)).as("a new connection is closed at once during the cut").isEqualTo(-1);
            }
            assertThat(relay.openSockets()).isZero();

            relay.restore();
            try (Socket after = connect(relay)) {
                assertThat(roundTrip(after, 'b')).isEqualTo('b');
            }
            before.close();
        }
    }

    private static Socket connect(TcpRelay relay) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static int roundTrip(Socket socket, char c) throws IOException {
        socket.getOutputStream().write(c);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    /** -1 when the relay closed the connection (end of stream or reset). */
    private static int readOrEnd(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write('x');
            return socket.getInputStream().read();
        } catch (SocketException e) {
            return -1;
        }
    }
}
