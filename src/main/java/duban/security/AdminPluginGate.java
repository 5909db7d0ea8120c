package duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admin's plugin API (system metrics: instances and task workers of the whole engine) answers administrators and the
 * monitoring account only; Camunda serves it to any logged-in user. The path is the one the container mapped, after
 * decoding and without path parameters, so no spelling of it gets past.
 */
class AdminPluginGate extends OncePerRequestFilter {

  /** Who may read the engine's metrics, here and in the engine ({@code duban.engine.MetricsGuard}). */
  static final Set<String> METRICS_READERS = Set.of(Groups.CAMUNDA_ADMIN, "monitoring");

  private final String adminApi;

  AdminPluginGate(String applicationPath) {
    this.adminApi = applicationPath + "/api/admin";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !adminApi.equals(request.getServletPath()) || request.getPathInfo() == null
        || !request.getPathInfo().startsWith("/plugin/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getPathInfo().contains("/static/") || isReader(request.getSession(false))) {
      chain.doFilter(request, response);
      return;
    }
    Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "系统运行指标只对系统管理员和监控账号开放");
  }

  private static boolean isReader(HttpSession session) {
    if (session == null) {
      return false;
    }
    return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .anyMatch(user -> user.getGroupIds() != null
            && user.getGroupIds().stream().anyMatch(METRICS_READERS::contains));
  }
}
