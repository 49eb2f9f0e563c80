package dev.scansion.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Serves a report directory on 127.0.0.1 with a Content-Security-Policy header on every response. */
final class CspServer implements AutoCloseable {
    static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
    private final HttpServer server;
    private final Path root;
    private final String csp;
    /** "GET /style.css 200", in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    CspServer(Path root, String csp) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.csp = csp;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private void serve(HttpExchange ex) throws IOException {
        Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
        boolean ok = file.startsWith(root) && Files.isRegularFile(file);
        byte[] body = ok ? Files.readAllBytes(file) : "not found".getBytes();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        ex.getResponseHeaders().set("Content-Type", name.endsWith(".css") ? "text/css" : name.endsWith(".html")
                ? "text/html; charset=utf-8" : "text/plain");
        ex.getResponseHeaders().set("Content-Security-Policy", csp);
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + (ok ? 200 : 404));
        ex.sendResponseHeaders(ok ? 200 : 404, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
