package duban.ops;

import duban.engine.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The actuator answers to logins of the engine (HTTP Basic, as for /api) in the {@code monitoring} or
 * {@code camunda-admin} group. Only the bare liveness probe is open: a load balancer or Kubernetes asks it without
 * credentials, and it says nothing but UP.
 */
class ActuatorAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  static final String LIVENESS = "/actuator/health/liveness";
  static final String MONITORING_GROUP = "monitoring";
  private static final Set<String> ALLOWED_GROUPS = Set.of(MONITORING_GROUP, Groups.CAMUNDA_ADMIN);

  private final CurrentUser currentUser;

  ActuatorAuthenticationFilter(IdentityService identityService) {
    this.currentUser = new CurrentUser(identityService);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (path.equals(LIVENESS) || path.equals(LIVENESS + "/")) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, (authenticated, answer) -> {
      if (mayMonitor(currentUser.groupIds())) {
        chain.doFilter(authenticated, answer);
      } else {
        HttpServletResponse forbidden = (HttpServletResponse) answer;
        forbidden.setStatus(HttpServletResponse.SC_FORBIDDEN);
        forbidden.setContentType("application/json;charset=UTF-8");
        forbidden.getOutputStream().write(("{\"type\":\"Forbidden\",\"message\":\"运行监控接口仅限 " + MONITORING_GROUP
            + " 或 " + Groups.CAMUNDA_ADMIN + " 组的账号访问\"}").getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  private static boolean mayMonitor(List<String> groups) {
    return groups.stream().anyMatch(ALLOWED_GROUPS::contains);
  }
}
