package duban.security;

import com.fasterxml.jackson.databind.JsonNode;
import duban.engine.AdhocExpressionGuard;
import duban.engine.CurrentUser;
import duban.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to any API request whose parameters or body carry an expression ({@code ${…}} or {@code #{…}}), before
 * the engine parses it. Task submits are left to the form checks (a report may quote anything); admins may still
 * store filters with expressions.
 */
class ExpressionRequestFilter extends OncePerRequestFilter {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern SUBMIT = Pattern.compile(".*/task/[^/]+/(complete|submit-form|resolve)/?$");
  private static final Pattern FILTER_DEFINITION = Pattern.compile(".*/filter(/create|/[^/]+)/?$");

  private final ObjectMapper json = new ObjectMapper();
  private final CurrentUser currentUser;

  ExpressionRequestFilter(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> found = inParameters(request);
    HttpServletRequest next = request;
    if (found.isEmpty() && bodyIsChecked(request)) {
      CachedBodyRequest cached = new CachedBodyRequest(request);
      found = inBody(cached.body());
      next = cached;
    }
    if (found.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      String message = AdhocExpressionGuard.MESSAGE + "：" + found.get();
      response.getOutputStream().write(json.writeValueAsString(
          Map.of("type", "InvalidRequestException", "message", message)).getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(next, response);
  }

  private boolean bodyIsChecked(HttpServletRequest request) {
    String type = String.valueOf(request.getContentType());
    return !type.startsWith("multipart/")
        && !type.startsWith("application/x-www-form-urlencoded") // read as parameters above
        && !SUBMIT.matcher(request.getRequestURI()).matches()
        && !(isFilterDefinition(request) && currentUser.isAdmin());
  }

  private boolean isFilterDefinition(HttpServletRequest request) {
    return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
        && FILTER_DEFINITION.matcher(request.getRequestURI()).matches()
        && !request.getRequestURI().matches(".*/filter/[^/]+/(list|count|singleResult)/?$");
  }

  /** The query string only: reading parameters would consume a form body the login resource still needs. */
  private static Optional<String> inParameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
      if (EXPRESSION.matcher(decoded).find()) {
        return Optional.of("参数 " + decoded.split("=", 2)[0]);
      }
    }
    return Optional.empty();
  }

  private Optional<String> inBody(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      // JSON may spell "$" as \u0024; read it as the engine will
      return inJson(json.readTree(body), "请求体");
    } catch (IOException notJson) {
      return EXPRESSION.matcher(text).find() ? Optional.of("请求体") : Optional.empty();
    }
  }

  private static Optional<String> inJson(JsonNode node, String path) {
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.asText()).find() ? Optional.of(path) : Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (EXPRESSION.matcher(field.getKey()).find()) {
          return Optional.of(path + "." + field.getKey());
        }
        Optional<String> found = inJson(field.getValue(), path + "." + field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = inJson(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
