package duban.security;

import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be: {@code maxBody} for the APIs, and larger limits for upload paths by path prefix
 * (the longest matching prefix wins).
 */
@ConfigurationProperties("duban.http")
record HttpLimits(DataSize maxBody, Map<String, DataSize> maxBodyByPath) {

  HttpLimits {
    maxBodyByPath = maxBodyByPath == null ? Map.of() : Map.copyOf(maxBodyByPath);
  }

  long maxBodyBytes(String path) {
    return maxBodyByPath.entrySet().stream()
        .filter(e -> path.startsWith(e.getKey()))
        .max(Comparator.comparingInt(e -> e.getKey().length()))
        .map(e -> e.getValue().toBytes())
        .orElse(maxBody.toBytes());
  }
}
