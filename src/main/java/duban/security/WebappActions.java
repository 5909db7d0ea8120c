package duban.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /webapp-action/**}: the few duban calls a page inside the webapps makes that change something (the Cockpit
 * import page: preview, import, add a unit or an alias). They carry the webapps' login session rather than HTTP Basic,
 * so every call other than GET must echo the webapps' CSRF token (the {@code XSRF-TOKEN} cookie, sent back as
 * {@code X-XSRF-TOKEN}, as Cockpit itself does). The caller's groups are read afresh from the engine; the endpoints
 * apply the same rights as under {@code /api}.
 */
@Configuration
class WebappActions {

  static final String PATH = "/webapp-action/*";

  @Bean
  FilterRegistrationBean<Filter> webappActionsFilter(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      HttpServletResponse out = (HttpServletResponse) response;
      out.setHeader("X-Content-Type-Options", "nosniff");
      out.setHeader("Cache-Control", "no-store");
      HttpSession session = http.getSession(false);
      String user = userOf(session, engine.getName());
      if (user == null) {
        refuse(out, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "请先登录督办系统");
        return;
      }
      if (!"GET".equals(http.getMethod()) && !tokenMatches(session, http.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
        refuse(out, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "请求缺少有效的 CSRF 令牌，请刷新页面后重试");
        return;
      }
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      identity.setAuthentication(user, groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    });
    registration.addUrlPatterns(PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  private static boolean tokenMatches(HttpSession session, String sent) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static String userOf(HttpSession session, String engineName) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthentications().stream().filter(a -> engineName.equals(a.getProcessEngineName()))
        .map(UserAuthentication::getIdentityId).findFirst().orElse(null);
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
