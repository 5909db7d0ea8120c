package duban.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class UnitDirectoryConfiguration {

  /** seeds/units.yaml with the units and aliases added at run time (duban_unit, duban_unit_alias). */
  @Bean
  UnitDirectory unitDirectory(
      ResourceLoader resourceLoader,
      IdentitySettings.Directory settings,
      UnitStore store) {
    return read(resourceLoader, settings.location(), store::mergeInto);
  }

  UnitDirectory read(ResourceLoader resourceLoader, String location, UnaryOperator<List<Unit>> merge) {
    try (InputStream in = resourceLoader.getResource(location).getInputStream()) {
      return UnitDirectory.of(merge.apply(UnitYaml.read(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取单位目录 " + location, e);
    } catch (IllegalStateException e) {
      // Name the file: the validation messages only know entry positions.
      throw new IllegalStateException(location + "：" + e.getMessage(), e);
    }
  }
}
