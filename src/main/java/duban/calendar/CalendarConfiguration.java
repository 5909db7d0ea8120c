package duban.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  ShippedDays shippedDays(
      ResourceLoader resourceLoader, CalendarSettings settings) {
    String location = settings.location();
    try (InputStream in = resourceLoader.getResource(location).getInputStream()) {
      return ShippedDays.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取节假日数据 " + location, e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(location + "：" + e.getMessage(), e);
    }
  }

  @Bean
  OfficeHours officeHours(CalendarSettings settings) {
    return settings.officeHours();
  }
}
