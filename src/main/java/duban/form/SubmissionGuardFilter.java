package duban.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import duban.security.WithoutCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import duban.web.CachedBodyRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every task completion that arrives over HTTP (the REST API and the webapps' engine API that Tasklist uses)
 * to the rules of the task's form, and answers 400 with the problems before the engine sees the submit.
 */
class SubmissionGuardFilter extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?$");
  private static final Pattern START = Pattern.compile(".*/process-definition/(key/)?([^/]+)/(start|submit-form)/?$");

  private final SubmissionValidator validator;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ObjectMapper json = new ObjectMapper();

  SubmissionGuardFilter(SubmissionValidator validator, IdentityService identityService, TaskService taskService) {
    this.validator = validator;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !(COMPLETION.matcher(request.getRequestURI()).matches() || START.matcher(request.getRequestURI()).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CachedBodyRequest cached = new CachedBodyRequest(request);
    byte[] body = cached.body();
    Map<String, Object> variables;
    try {
      variables = variables(body);
    } catch (IOException e) {
      reject(response, "请求体不是有效的 JSON：" + e.getMessage(), null);
      return;
    }
    Matcher start = START.matcher(request.getRequestURI());
    if (start.matches()) {
      try {
        validator.checkStart(start.group(2), start.group(1) != null, variables);
      } catch (SubmissionRejectedException e) {
        reject(response, e.getMessage(), e);
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    Matcher m = COMPLETION.matcher(request.getRequestURI());
    m.matches();
    // A task this caller cannot see is the engine's to refuse (403/404); its form is none of the caller's business.
    if (taskService.createTaskQuery().taskId(m.group(1)).count() == 0) {
      chain.doFilter(cached, response);
      return;
    }
    // The form rules hold for anyone; the checks read the task's variables whatever the caller's own grants.
    try {
      WithoutCaller.call(identityService, () -> {
        validator.check(m.group(1), variables);
        return null;
      });
    } catch (SubmissionRejectedException e) {
      reject(response, e.getMessage(), e);
      return;
    }
    chain.doFilter(cached, response);
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
}
