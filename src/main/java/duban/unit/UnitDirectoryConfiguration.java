package duban.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class UnitDirectoryConfiguration {

  @Bean
  UnitDirectory unitDirectory(
      ResourceLoader resourceLoader,
      @Value("${duban.units.location:classpath:seeds/units.yaml}") String location) {
    try (InputStream in = resourceLoader.getResource(location).getInputStream()) {
      return UnitDirectory.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取单位目录 " + location, e);
    } catch (IllegalStateException e) {
      // Name the file: the validation messages only know entry positions.
      throw new IllegalStateException(location + "：" + e.getMessage(), e);
    }
  }
}
