package duban.engine;

import java.util.Set;

/** The groups that may read the engine's metrics (figures about every unit at once); the roles are security's to name. */
public interface MetricsReaders {

  Set<String> groupIds();
}
