package duban.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * A start-up step that runs as soon as the engine is built, before the web server accepts a request: groups and
 * logins, standing grants. A Spring bean; {@code duban.startup.StartupSequence} holds duban's one, which runs the
 * steps in order.
 */
public abstract class AfterEngineBuild extends AbstractProcessEnginePlugin {

  @Override
  public abstract void postProcessEngineBuild(ProcessEngine engine);
}
