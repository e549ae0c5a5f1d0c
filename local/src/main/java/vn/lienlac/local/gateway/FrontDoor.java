package vn.lienlac.local.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.lienlac.functions.platform.ApiException;
import vn.lienlac.functions.platform.Json;
import vn.lienlac.functions.platform.Problems;
import vn.lienlac.model.common.Problem;
import vn.lienlac.model.i18n.Messages;

/**
 * The gateway's public port, in front of the JDK HTTP server (which listens on an ephemeral
 * loopback port). The JDK answers a request it cannot parse (a target that is not a URI, an
 * illegal header name, conflicting or unsupported body framing) with its own text/html page before
 * any handler runs; this door reads each request's head first, answers those with a problem+json
 * 400 and closes, and passes every other request through unchanged, its body by its own framing,
 * so that keep-alive works. One backend connection per client connection; the answers flow back raw.
 */
public final class FrontDoor implements AutoCloseable {
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final Duration IDLE = Duration.ofSeconds(60);
  /** How long a closing connection keeps reading what the client still sends (see {@link #closeGracefully}). */
  private static final Duration LINGER = Duration.ofSeconds(2);
  private static final byte[] CRLF = {'\r', '\n'};

  private final ServerSocket socket;
  private final HttpServer backend;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private FrontDoor(ServerSocket socket, HttpServer backend) {
    this.socket = socket;
    this.backend = backend;
  }

  /** Binds the public loopback port (0: any free one) and the backend's ephemeral one. */
  static FrontDoor bind(int port) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    ServerSocket socket = new ServerSocket(port, 128, loopback);
    try {
      return new FrontDoor(socket, HttpServer.create(new InetSocketAddress(loopback, 0), 128));
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  HttpServer backend() {
    return backend;
  }

  URI baseUri() {
    return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
  }

  /** Accepts connections from now on (the backend must be started). */
  void open() {
    Thread.ofPlatform().daemon().name("gateway-door").start(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Thread.ofVirtual().name("gateway-door-connection").start(() -> serve(client));
        } catch (IOException e) {
          // closed
        }
      }
    });
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
    List.copyOf(open).forEach(this::quietly);
  }

  // ----------------------------------------------------------------------------------------------

  private void serve(Socket client) {
    open.add(client);
    Socket server = null;
    Thread answers = null;
    AtomicBoolean draining = new AtomicBoolean();
    try {
      client.setTcpNoDelay(true);
      client.setSoTimeout((int) IDLE.toMillis());
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream toServer = null;
      while (true) {
        Head head = Head.read(in);
        if (head == null) {
          break;
        }
        if (head.refusal != null) {
          drain(server, answers, draining);
          refuse(client, head);
          break;
        }
        if (server == null) {
          server = new Socket(backend.getAddress().getAddress(), backend.getAddress().getPort());
          open.add(server);
          server.setTcpNoDelay(true);
          toServer = new BufferedOutputStream(server.getOutputStream(), 16 * 1024);
          Socket from = server;
          answers = Thread.ofVirtual().name("gateway-door-answers").start(() -> pipe(from, client, draining));
        }
        toServer.write(head.bytes);
        toServer.flush(); // before the body: a client may wait for the server's 100 Continue
        if (head.chunked) {
          copyChunked(in, toServer);
        } else {
          copy(in, toServer, head.contentLength);
        }
        toServer.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client or the server went away, or a chunked body is malformed: the connection ends
    } finally {
      drain(server, answers, draining);
      closeGracefully(client);
    }
  }

  /**
   * Ends the client's connection without losing the answer just written: FIN after it, then read
   * and discard what the client is still sending (an answer given before its body was read, such
   * as a 413) for at most {@link #LINGER}. Closing a socket with unread input resets the
   * connection, and the client may then drop the answer it had not read yet.
   */
  private void closeGracefully(Socket client) {
    try {
      client.shutdownOutput();
      client.setSoTimeout((int) LINGER.toMillis());
      InputStream in = client.getInputStream();
      byte[] discard = new byte[16 * 1024];
      long deadline = System.nanoTime() + LINGER.toNanos();
      while (System.nanoTime() < deadline && in.read(discard) >= 0) {
        // the client's unread bytes
      }
    } catch (IOException e) {
      // gone or timed out: close anyway
    } finally {
      quietly(client);
    }
  }

  /** Lets the server finish the answers it owes (it closes once it has read to the end), then closes it. */
  private void drain(Socket server, Thread answers, AtomicBoolean draining) {
    if (server == null) {
      return;
    }
    draining.set(true);
    try {
      server.shutdownOutput();
      answers.join(IDLE);
    } catch (IOException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    quietly(server);
  }

  /**
   * The server's bytes to the client, as they come; when the server closes on its own, so does the
   * client's side (not while draining: a refusal may follow).
   */
  private static void pipe(Socket server, Socket client, AtomicBoolean draining) {
    try {
      server.getInputStream().transferTo(client.getOutputStream());
      if (!draining.get()) {
        client.shutdownOutput();
      }
    } catch (IOException e) {
      // either side went away
    }
  }

  private void quietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  private static void refuse(Socket client, Head head) throws IOException {
    String requestId = UUID.randomUUID().toString();
    Problem problem = Problems.of(new ApiException.BadRequest(head.refusal), Messages.negotiate(head.acceptLanguage),
        requestId);
    byte[] body = Json.write(problem).getBytes(StandardCharsets.UTF_8);
    String answer = "HTTP/1.1 400 Bad Request\r\n"
        + "Content-Type: " + Problem.MEDIA_TYPE + "; charset=utf-8\r\n"
        + "Cache-Control: no-store\r\n"
        + "apigw-requestid: " + requestId + "\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    client.shutdownOutput();
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    for (long left = length; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("body ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /**
   * Chunk by chunk up to the last chunk; trailers are dropped (allowed to a proxy), as the JDK
   * cannot read them.
   */
  private static void copyChunked(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = line(in);
      String hex = sizeLine.split(";", 2)[0].trim();
      if (!hex.matches("[0-9A-Fa-f]{1,7}")) {
        throw new IOException("bad chunk size");
      }
      out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        while (!line(in).isEmpty()) {
          // a trailer
        }
        out.write(CRLF);
        return;
      }
      copy(in, out, size);
      if (!line(in).isEmpty()) {
        throw new IOException("chunk longer than its size");
      }
      out.write(CRLF);
    }
  }

  /** One CRLF-terminated line of at most 8 KB, without the CRLF. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0 || line.size() > 8 * 1024) {
        throw new IOException("bad chunk line");
      }
      line.write(c);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    if (!text.endsWith("\r")) {
      throw new IOException("bare LF");
    }
    return text.substring(0, text.length() - 1);
  }

  /** A request's head as read (its bytes, passed on as they are), and why it is refused, if it is. */
  record Head(byte[] bytes, boolean chunked, long contentLength, String acceptLanguage, String refusal) {
    private static final String BAD_LINE = "request.badRequestLine";
    private static final String BAD_HEADERS = "request.badHeaders";
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    /** The next head, or null when the connection ends between requests. */
    static Head read(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      List<String> lines = new ArrayList<>();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        if (bytes.size() >= MAX_HEAD_BYTES) {
          return refused(lines, BAD_HEADERS);
        }
        bytes.write(c);
        if (c != '\n') {
          line.write(c);
          continue;
        }
        byte[] l = line.toByteArray();
        line.reset();
        if (l.length == 0 || l[l.length - 1] != '\r') {
          return refused(lines, lines.isEmpty() ? BAD_LINE : BAD_HEADERS);
        }
        String text = new String(l, 0, l.length - 1, StandardCharsets.ISO_8859_1);
        if (!text.isEmpty()) {
          lines.add(text);
        } else if (lines.isEmpty()) {
          bytes.reset(); // blank lines before a request line are skipped, as the JDK does
        } else {
          return parse(bytes.toByteArray(), lines);
        }
      }
      if (bytes.size() == 0) {
        return null;
      }
      throw new EOFException("the connection ended inside a request head");
    }

    private static Head parse(byte[] bytes, List<String> lines) {
      // The request line as the JDK splits it (method, target, version), a bit stricter: a target
      // with a raw space ("GET /a b HTTP/1.1") is refused, not read as version "b HTTP/1.1".
      String requestLine = lines.get(0);
      int first = requestLine.indexOf(' ');
      int second = first < 0 ? -1 : requestLine.indexOf(' ', first + 1);
      if (second < 0 || !requestLine.substring(0, first).matches(TOKEN)
          || !requestLine.substring(second + 1).matches("HTTP/1\\.[01]")) {
        return refused(lines, BAD_LINE);
      }
      try {
        new URI(requestLine.substring(first + 1, second));
      } catch (URISyntaxException e) {
        return refused(lines, BAD_LINE);
      }
      String contentLength = null;
      String transferEncoding = null;
      for (String header : lines.subList(1, lines.size())) {
        int colon = header.indexOf(':');
        if (colon <= 0 || !header.substring(0, colon).matches(TOKEN)) {
          return refused(lines, BAD_HEADERS); // also a folded line: it starts with a space
        }
        String name = header.substring(0, colon);
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("content-length")) {
          if (contentLength != null) {
            return refused(lines, BAD_HEADERS);
          }
          contentLength = value;
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
          if (transferEncoding != null) {
            return refused(lines, BAD_HEADERS);
          }
          transferEncoding = value;
        }
      }
      boolean chunked = transferEncoding != null;
      if (chunked && (contentLength != null || !transferEncoding.equalsIgnoreCase("chunked"))
          || contentLength != null && !contentLength.matches("\\d{1,18}")) {
        return refused(lines, BAD_HEADERS);
      }
      long length = contentLength == null ? 0 : Long.parseLong(contentLength);
      return new Head(bytes, chunked, length, acceptLanguage(lines), null);
    }

    private static Head refused(List<String> lines, String reason) {
      return new Head(new byte[0], false, 0, acceptLanguage(lines), reason);
    }

    private static String acceptLanguage(List<String> lines) {
      return lines.stream().skip(1)
          .filter(l -> l.regionMatches(true, 0, "accept-language:", 0, 16))
          .map(l -> l.substring(16).trim())
          .findFirst().orElse(null);
    }
  }
}
