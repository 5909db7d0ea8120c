package duban.form;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds everything an attempt writes (status, headers, cookies, body) so that an attempt that lost a race can be
 * dropped and the request run again; only the attempt that counts reaches the client.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final List<Cookie> cookies = new ArrayList<>();
  private int status = SC_OK;
  private String contentType;
  private String characterEncoding;
  private PrintWriter writer;
  private ServletOutputStream out;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  /** Sends what this attempt wrote to the client. */
  void commit() throws IOException {
    HttpServletResponse target = (HttpServletResponse) getResponse();
    target.setStatus(status);
    headers.forEach((name, values) -> {
      for (int i = 0; i < values.size(); i++) {
        if (i == 0) {
          target.setHeader(name, values.get(i));
        } else {
          target.addHeader(name, values.get(i));
        }
      }
    });
    cookies.forEach(target::addCookie);
    if (contentType != null) {
      target.setContentType(contentType);
    }
    if (characterEncoding != null) {
      target.setCharacterEncoding(characterEncoding);
    }
    byte[] bytes = body();
    if (bytes.length > 0) {
      target.setContentLength(bytes.length);
      target.getOutputStream().write(bytes);
    }
    target.flushBuffer();
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
  }

  @Override
  public void sendRedirect(String location) {
    status = SC_FOUND;
    setHeader("Location", location);
  }

  @Override
  public void setHeader(String name, String value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, new ArrayList<>(List.of(value)));
    }
  }

  @Override
  public void addHeader(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, String.valueOf(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, String.valueOf(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, String.valueOf(date));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, String.valueOf(date));
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name);
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return headers.getOrDefault(name, List.of());
  }

  @Override
  public Collection<String> getHeaderNames() {
    return headers.keySet();
  }

  @Override
  public void addCookie(Cookie cookie) {
    cookies.add(cookie);
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public void setCharacterEncoding(String charset) {
    characterEncoding = charset;
  }

  @Override
  public String getCharacterEncoding() {
    return characterEncoding == null ? StandardCharsets.ISO_8859_1.name() : characterEncoding;
  }

  @Override
  public void setContentLength(int len) {
    // the length is set from the buffer when the attempt is sent
  }

  @Override
  public void setContentLengthLong(long len) {
    // see setContentLength
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (out == null) {
      out = new ServletOutputStream() {
        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          body.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("synchronous writes only");
        }
      };
    }
    return out;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void reset() {
    resetBuffer();
    headers.clear();
    cookies.clear();
    status = SC_OK;
    contentType = null;
    characterEncoding = null;
  }

  @Override
  public void resetBuffer() {
    flushBuffer();
    body.reset();
  }
}
