package duban.supervision;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Unit lists live in variables as comma-separated codes; multi-instance activities iterate over them. */
@Component("supervisionLists")
public class SupervisionLists {

  public List<String> split(String codes) {
    return codes(codes);
  }

  static List<String> codes(String codes) {
    return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).toList();
  }

  static String join(List<String> codes) {
    return String.join(",", codes);
  }
}
