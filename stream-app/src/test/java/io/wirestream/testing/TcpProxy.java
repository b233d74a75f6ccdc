package io.wirestream.testing;

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
 * A TCP proxy on loopback that a test can cut and heal, to stand for the network between an application and one
 * broker. While it passes, bytes flow both ways as they come. Cut, it behaves as a partitioned network does: nothing
 * gets through in either direction, new connections are accepted but never answered, and nothing is closed, so
 * clients find out only by their own timeouts. Healed, what was held back flows on, in order, as TCP delivers what it
 * retransmitted once a partition ends; clients that gave up meanwhile find their connections closed.
 *
 * <p>It stands for the network, not for the broker: a broker that is down shows as a connection reset at once, which
 * is not the refused connection a client would meet, since the proxy had accepted it first. Kafka's clients take a
 * node that accepts connections for a live one and may keep asking it for metadata; so tests that stop brokers
 * connect directly, and tests that cut the network leave the brokers up.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    /** Guarded by {@link #gate}. */
    private boolean cut;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** A proxy on a free loopback port to {@code 127.0.0.1:upstreamPort}, passing. */
    public static TcpProxy start(int upstreamPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
        daemon(proxy::accept, "proxy-" + server.getLocalPort());
        return proxy;
    }

    /** Where clients connect: its own port on loopback. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** From now on nothing gets through, either way, until {@link #heal()}. */
    public void cut() {
        synchronized (gate) {
            cut = true;
        }
    }

    /** Lets everything through again, what was held back first. */
    public void heal() {
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    private void awaitPassing() throws InterruptedException {
        synchronized (gate) {
            while (cut && !closed) {
                gate.wait();
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                daemon(() -> connect(client), "proxy-" + server.getLocalPort() + "-connect");
            } catch (IOException e) {
                if (!closed) {
                    sleepBriefly();
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket broker = new Socket();
        sockets.add(broker);
        try {
            awaitPassing();
            broker.connect(upstream, CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            broker.setTcpNoDelay(true);
            daemon(() -> pump(client, broker), "proxy-" + server.getLocalPort() + "-up");
            daemon(() -> pump(broker, client), "proxy-" + server.getLocalPort() + "-down");
        } catch (IOException | InterruptedException e) {
            refuse(client);
            closeBoth(client, broker);
        }
    }

    /** A broker that is down refuses connections: the nearest a proxy can come is a reset at once. */
    private static void refuse(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException e) {
            // Closed already.
        }
    }

    /** Copies {@code from} to {@code to} while passing; an end or error on either side closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                awaitPassing();
                out.write(buffer, 0, n);
                out.flush();
            }
            awaitPassing();
        } catch (IOException | InterruptedException e) {
            // The connection ended; the other side learns of it below.
        }
        closeBoth(from, to);
    }

    private void closeBoth(Socket a, Socket b) {
        for (Socket socket : new Socket[] {a, b}) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // Closed already.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        try {
            server.close();
        } catch (IOException e) {
            // Closed already.
        }
        sockets.forEach(s -> closeBoth(s, s));
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
