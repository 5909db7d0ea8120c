package duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import duban.EngineTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one way to act as the system, outside a command (a controller) and inside one (a listener, a submit rule). */
@EngineTest
class WithoutCallerTest {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void noCaller() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void setsTheCallerAsideOutsideACommandAndPutsThemBack() {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("U001", List.of("U001"));

    String during = WithoutCaller.call(identity,
        () -> identity.getCurrentAuthentication() == null ? "nobody" : identity.getCurrentAuthentication().getUserId());

    assertThat(during).isEqualTo("nobody");
    assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("U001");
  }

  @Test
  void switchesTheChecksOffInsideACommandForTheWorkOnlyAndKeepsTheCallerOnRecord() {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("U001", List.of("U001"));
    List<Object> seen = new ArrayList<>();

    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          WithoutCaller.call(identity, () -> {
            seen.add(context.isAuthorizationCheckEnabled());
            seen.add(context.getAuthenticatedUserId());
            return null;
          });
          seen.add(context.isAuthorizationCheckEnabled());
          return null;
        });

    assertThat(seen).containsExactly(false, "U001", true);
  }
}
