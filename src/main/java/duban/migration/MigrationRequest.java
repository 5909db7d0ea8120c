package duban.migration;

import java.util.Map;

/**
 * What the administrator asks for: the instances of {@code processKey} on {@code sourceVersion} move to
 * {@code targetVersion}. Activities with equal ids are mapped to each other; {@code mappings} adds or overrides
 * mappings from a source activity id to a target activity id (renamed or split steps). {@code variables} are set on
 * every instance that moves, over the target version's declared defaults.
 */
record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, Map<String, String> mappings,
    Map<String, Object> variables) {

  MigrationRequest {
    mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
