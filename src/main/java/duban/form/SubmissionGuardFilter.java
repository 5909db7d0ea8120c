package duban.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every task completion that arrives over HTTP (the REST API and the webapps' engine API that Tasklist uses)
 * to the rules of the task's form, and answers 400 with the problems before the engine sees the submit.
 */
class SubmissionGuardFilter extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?$");

  private final SubmissionValidator validator;
  private final IdentityService identityService;
  private final ObjectMapper json = new ObjectMapper();

  SubmissionGuardFilter(SubmissionValidator validator, IdentityService identityService) {
    this.validator = validator;
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !COMPLETION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = COMPLETION.matcher(request.getRequestURI());
    m.matches();
    byte[] body = request.getInputStream().readAllBytes();
    Map<String, Object> variables;
    try {
      variables = variables(body);
    } catch (IOException e) {
      reject(response, "请求体不是有效的 JSON：" + e.getMessage(), null);
      return;
    }
    // The form is checked whoever asks; whether this user may complete the task is still the engine's call.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      validator.check(m.group(1), variables);
    } catch (SubmissionRejectedException e) {
      reject(response, e.getMessage(), e);
      return;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private Map<String, Object> variables(byte[] body) throws IOException {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (body.length == 0) {
      return variables;
    }
    JsonNode dtos = json.readTree(body).path("variables");
    for (Iterator<Map.Entry<String, JsonNode>> it = dtos.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      variables.put(entry.getKey(), value(entry.getValue()));
    }
    return variables;
  }

  private Object value(JsonNode dto) throws IOException {
    JsonNode value = dto.path("value");
    String type = dto.path("type").asText("");
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (type.equalsIgnoreCase("Json") && value.isTextual()) {
      return json.readValue(value.asText(), Object.class);
    }
    return json.treeToValue(value, Object.class);
  }

  private void reject(HttpServletResponse response, String message, SubmissionRejectedException e) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "InvalidFormSubmission");
    error.put("message", message);
    if (e != null) {
      error.put("violations", e.violations());
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
  }

  /** The body was read for the check; the engine's REST resource reads it again. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
