package duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured limit with 413 before anything reads them: a declared length is
 * checked first; a body without one (chunked) is counted as it is read, and reading past the limit fails and turns
 * the answer into 413. Nothing here buffers a body.
 */
class BodySizeFilter extends OncePerRequestFilter {

  static final String TYPE = "RequestTooLarge";

  private final HttpLimits limits;

  BodySizeFilter(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limits.maxBodyBytes(path);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    CappedRequest capped = new CappedRequest(request, limit);
    try {
      chain.doFilter(capped, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!capped.exceeded) {
        throw e;
      }
    }
    if (capped.exceeded) {
      refuse(request, response, limit);
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    Refusal.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TYPE,
        "请求内容过大：此接口最多接受 " + describe(limit) + "，请缩小后重新提交");
  }

  static String describe(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " 字节";
  }

  /** Thrown to whoever reads past the limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("request body exceeds " + limit + " bytes");
    }
  }

  private static final class CappedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private volatile boolean exceeded;

    CappedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CappedStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8.name() : encoding));
    }

    private final class CappedStream extends ServletInputStream {

      private final ServletInputStream in;
      private long count;

      CappedStream(ServletInputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          counted(n);
        }
        return n;
      }

      private void counted(int n) throws IOException {
        count += n;
        if (count > limit) {
          exceeded = true;
          throw new BodyTooLargeException(limit);
        }
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
