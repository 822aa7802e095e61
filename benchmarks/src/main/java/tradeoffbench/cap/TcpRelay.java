package tradeoffbench.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network partition, and nothing else: a TCP relay on loopback that forwards every connection to one target
 * port, and that can be cut and {@link #restore()}d. Two cuts: {@link Cut#DROP} stops forwarding without closing
 * anything (as a partition does: the sockets stay open, data piles up unsent, nobody is told — the other side
 * finds out only by timing out), and {@link Cut#RESET} closes every relayed connection and refuses new ones (as a
 * crashed peer would: both sides learn at once). The replica's {@code primary_conninfo} points through it.
 */
public final class TcpRelay implements AutoCloseable {
    /** How a partition looks to the two sides. */
    public enum Cut {
        /** Traffic stops; connections stay open. */
        DROP,
        /** Connections are closed at once; new ones refused. */
        RESET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean dropping;
    private volatile boolean closed;
    private final Object gate = new Object();

    /** Listens on a free loopback port and relays to {@code targetPort} on loopback. */
    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "cap-relay-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public boolean isCut() {
        return cut || dropping;
    }

    /** Partition of either kind, until {@link #restore()}. */
    public void cut(Cut kind) {
        if (kind == Cut.DROP) {
            dropping = true;
        } else {
            cut();
        }
    }

    /** Partition: closes every relayed connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    /** Heal: forwarding goes on (what piled up during a drop is delivered), new connections are relayed again. */
    public void restore() {
        cut = false;
        synchronized (gate) {
            dropping = false;
            gate.notifyAll();
        }
    }

    /** Number of relayed socket pairs' ends currently open (two per relayed connection). */
    public int openSockets() {
        return open.size();
    }

    @Override
    public void close() {
        closed = true;
        restore();
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // listener closed
            }
            if (cut || closed) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                if (cut) { // cut while connecting
                    cut();
                    continue;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while (true) {
                    awaitForwarding();
                    if ((n = in.read(buffer)) < 0) {
                        break;
                    }
                    awaitForwarding(); // bytes read as the link dropped wait for the heal, as unsent data would
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other direction or a cut closed the socket: this connection is over
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cap-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** While the link drops traffic, a pump neither reads nor writes: the kernel's buffers fill, nothing is lost. */
    private void awaitForwarding() throws IOException {
        synchronized (gate) {
            while (dropping && !closed) {
                try {
                    gate.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is best effort; the socket is unusable either way
        }
    }
}
