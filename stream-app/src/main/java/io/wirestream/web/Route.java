package io.wirestream.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;

/**
 * One row of the server's route table: a method, a path ({@code {name}} for a path parameter) and its handler. A
 * GET route answers HEAD too, with the same status and headers and no body.
 */
record Route(HandlerType method, String path, Handler handler) {

    static Route get(String path, Handler handler) {
        return new Route(HandlerType.GET, path, handler);
    }

    static Route post(String path, Handler handler) {
        return new Route(HandlerType.POST, path, handler);
    }

    static Route delete(String path, Handler handler) {
        return new Route(HandlerType.DELETE, path, handler);
    }

    void addTo(JavalinDefaultRouting router) {
        router.addHttpHandler(method, path, handler);
        if (method == HandlerType.GET) {
            router.addHttpHandler(HandlerType.HEAD, path, handler);
        }
    }

    /** True when {@code requested} is this route's path, whatever the method. */
    boolean matches(String requested) {
        String[] own = path.split("/", -1);
        String[] given = requested.split("/", -1);
        if (own.length != given.length) {
            return false;
        }
        for (int i = 0; i < own.length; i++) {
            boolean parameter = own[i].startsWith("{") && !given[i].isEmpty();
            if (!parameter && !own[i].equals(given[i])) {
                return false;
            }
        }
        return true;
    }
}
