package io.wirestream.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks that a port can be listened on before a service tries and fails less gracefully. */
final class Ports {

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
}
