package duban.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /webapp-api/**}: duban's read-only API for pages inside the webapps (the Cockpit overview plugin), which
 * carry the webapps' login session rather than HTTP Basic. Only GET, only a logged-in webapp user; the caller's
 * groups are read afresh from the engine, and the same scope rules as {@code /api} apply.
 */
@Configuration
class WebappSessionApi {

  static final String PATH = "/webapp-api/*";

  @Bean
  FilterRegistrationBean<Filter> webappSessionApiFilter(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      HttpServletResponse out = (HttpServletResponse) response;
      out.setHeader("X-Content-Type-Options", "nosniff");
      out.setHeader("Cache-Control", "no-store");
      if (!"GET".equals(http.getMethod())) {
        refuse(out, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "此接口只读");
        return;
      }
      String user = userOf(http.getSession(false), engine.getName());
      if (user == null) {
        refuse(out, HttpServletResponse.SC_UNAUTHORIZED, "请先登录督办系统");
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

  private static void refuse(HttpServletResponse response, int status, String message) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"type\":\"Unauthorized\",\"message\":\"" + message + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
