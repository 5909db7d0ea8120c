package duban.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The responsible persons of a task, one per lead unit that accepted it at 签收, kept as one JSON variable
 * ({@link SupervisionVariables#RESPONSIBLE_CONTACTS}); and the checks their phone and e-mail get at 签收.
 */
public final class ResponsibleContacts {

  /** A responsible person; email may be null. */
  public record Contact(String unit, String name, String phone, String email) {

    /** A mainland mobile number (SMS can reach it), digits only; null for a landline. */
    public String mobile() {
      String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
      return MOBILE.matcher(digits).matches() ? digits : null;
    }
  }

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  /** A landline with its area code: 0531-12345678, 010-1234567, optionally with an extension (-123). */
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponsibleContacts() {}

  public static boolean isPhone(String phone) {
    String p = phone.strip();
    return MOBILE.matcher(p.replace(" ", "")).matches() || LANDLINE.matcher(p).matches();
  }

  public static boolean isEmail(String email) {
    return EMAIL.matcher(email.strip()).matches();
  }

  public static List<Contact> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Contact>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("responsibleContacts is not a contact list: " + e.getMessage(), e);
    }
  }

  /** The list with this unit's contact put in (replacing an earlier one of the same unit). */
  static String with(String json, Contact contact) {
    List<Contact> contacts = new ArrayList<>(read(json));
    contacts.removeIf(c -> c.unit().equals(contact.unit()));
    Contact clean = new Contact(contact.unit(), contact.name().strip(), contact.phone().strip(),
        contact.email() == null || contact.email().isBlank() ? null : contact.email().strip());
    contacts.add(clean);
    try {
      return JSON.writeValueAsString(contacts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
