package duban.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an evidence upload before its body is read: a declared length over the limit, or a caller who may not
 * attach to the task. Runs after authentication and before the servlet parses the multipart body. The controller
 * checks again; this gate only spares the server (and the user's line) a body that would be thrown away.
 */
class EvidenceUploadGate extends OncePerRequestFilter {

  /** Tomcat hands out the servlet path decoded, normalised and without path parameters ({@code ;x}). */
  private static final Pattern UPLOAD = Pattern.compile("/api/tasks/([^/]+)/evidence/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EvidenceService service;
  private final EvidenceSettings settings;

  EvidenceUploadGate(EvidenceService service, EvidenceSettings settings) {
    this.service = service;
    this.settings = settings;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher upload = UPLOAD.matcher(path);
    if (!upload.matches()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      long declared = request.getContentLengthLong();
      if (declared > settings.maxRequestSize().toBytes()) {
        throw EvidenceRejectedException.tooLarge("上传内容超过大小上限 " + Sizes.of(settings.maxFileSize().toBytes())
            + "（本次 " + Sizes.of(declared) + "），未读取、未保存");
      }
      service.checkMayAttach(upload.group(1));
    } catch (EvidenceRejectedException refused) {
      // the body stays unread: the connection closes rather than draining a large upload
      response.setHeader("Connection", "close");
      write(response, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  static void write(HttpServletResponse response, EvidenceRejectedException refused) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refused.type());
    body.put("message", refused.getMessage());
    response.setStatus(refused.status().value());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] json = JSON.writeValueAsBytes(body);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
