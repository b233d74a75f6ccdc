package io.wirestream.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on this machine: checked before a service tries to listen and fails less gracefully, or found free. */
public final class Ports {

    private Ports() {
    }

    static void requireFree(String host, int port, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " on " + host + " is taken, so " + what
                    + " cannot listen there: stop what holds it, or choose another port", e);
        }
    }

    /** A port free on loopback now (another process may take it before it is used: use it at once). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A free loopback port whose next port is free too: an embedded broker's controller takes that one. */
    public static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException e) {
                // Taken: try another.
            }
        }
        throw new IOException("no two free neighbouring ports on loopback");
    }
}
