package duban.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The process variables a listener bean reads and the ones the application's code writes, read from the main
 * sources rather than kept by hand. A bean is found where it is declared as {@code TaskListener name(Type service)
 * { return service::method; }}; its reads are the variable constants the method, and the methods of the same class it
 * calls, read: {@code NAME.get(..)}, {@code NAME.isTrue(..)}, {@code getVariable(NAME)}, {@code getVariable("name")}
 * and {@code getVariable(slotName(i))} (taken for slot 1). The constants are resolved through the class's static
 * imports, so a renamed constant or variable is followed without editing a table.
 *
 * <p>Not followed: reads inside other classes the method hands the task to (journal, targets, status). A bean
 * declared in another shape is refused, so a new listener cannot go unchecked.
 */
final class ListenerReads {

  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Set<String> WRITE_METHODS = Set.of("set", "setLocal", "put", "name", "toString");
  private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "return",
      "else", "try", "new", "assert");
  private static final Pattern CONSTANT_CALL = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.(\\w+)\\(");
  private static final Pattern CONSTANT_WRITE = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.(set|setLocal|put)\\(");
  private static final Pattern GET_VARIABLE = Pattern.compile(
      "\\b(?:getVariable|getVariableLocal|getVariableTyped|hasVariable)\\(\\s*(?:\"(\\w+)\"|([A-Z][A-Z0-9_]*)(?:\\.name\\(\\))?\\s*[,)]|(\\w+)\\(\\s*\\w+\\s*\\))");
  private static final Pattern SET_VARIABLE = Pattern.compile(
      "\\b(?:setVariable|setVariableLocal)\\(\\s*(?:\"(\\w+)\"|([A-Z][A-Z0-9_]*)(?:\\.name\\(\\))?\\s*,)");
  private static final Pattern STATIC_IMPORT = Pattern.compile("(?m)^import static ([\\w.]+)\\.(\\*|[A-Z]\\w*|\\w+);");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  /** An unqualified call (or one on {@code this}): a method of the same class; {@code other.x(..)} is not followed. */
  private static final Pattern CALL = Pattern.compile("(?:(?<![.\\w])|(?<=\\bthis\\.))([a-z]\\w*)\\s*\\(");

  /** A listener's method and what it reads. */
  record Reads(String bean, String type, String method, Set<String> variables) {}

  private final Map<String, String> sources;

  private ListenerReads(Map<String, String> sources) {
    this.sources = sources;
  }

  /** The application's main sources, by simple class name (file name). */
  static ListenerReads ofMainSources() {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        if (sources.put(name, Files.readString(file, StandardCharsets.UTF_8)) != null) {
          // two classes of one simple name: a bean's receiver could be the wrong one, so keep neither
          sources.put(name, null);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("main sources under " + MAIN.toAbsolutePath(), e);
    }
    return new ListenerReads(sources);
  }

  /** What the listener bean {@code bean} reads; fails where the bean is declared in a shape this cannot follow. */
  Reads of(String bean) {
    Pattern declaration = Pattern.compile("\\b(?:TaskListener|ExecutionListener|JavaDelegate)\\s+" + Pattern.quote(bean)
        + "\\s*\\(([^)]*)\\)\\s*\\{\\s*return\\s+(\\w+)::(\\w+)\\s*;");
    for (String source : sources.values()) {
      Matcher m = source == null ? null : declaration.matcher(source);
      if (m != null && m.find()) {
        String type = parameterType(m.group(1), m.group(2));
        String receiver = sources.get(type);
        if (receiver == null) {
          throw new AssertionError("bean " + bean + ": no single main source for " + type);
        }
        return new Reads(bean, type, m.group(3), readsOfMethod(receiver, m.group(3)));
      }
    }
    throw new AssertionError("bean " + bean + " is not declared as \"TaskListener " + bean
        + "(Type service) { return service::method; }\": its reads cannot be derived");
  }

  /** Every variable some main class writes by a constant or a literal name. */
  Set<String> writtenByCode() {
    Set<String> written = new TreeSet<>();
    for (String source : sources.values()) {
      if (source == null) {
        continue;
      }
      Map<String, String> constants = constants(source);
      Matcher m = CONSTANT_WRITE.matcher(source);
      while (m.find()) {
        if (constants.containsKey(m.group(1))) {
          written.add(constants.get(m.group(1)));
        }
      }
      m = SET_VARIABLE.matcher(source);
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : constants.get(m.group(2));
        if (name != null) {
          written.add(name);
        }
      }
    }
    return written;
  }

  private Set<String> readsOfMethod(String source, String method) {
    Map<String, String> constants = constants(source);
    Set<String> reads = new LinkedHashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(method));
    while (!todo.isEmpty()) {
      String current = todo.pop();
      if (!visited.add(current)) {
        continue;
      }
      for (String body : bodies(source, current)) {
        Matcher m = CONSTANT_CALL.matcher(body);
        while (m.find()) {
          if (constants.containsKey(m.group(1)) && !WRITE_METHODS.contains(m.group(2))) {
            reads.add(constants.get(m.group(1)));
          }
        }
        m = GET_VARIABLE.matcher(body);
        while (m.find()) {
          if (m.group(1) != null) {
            reads.add(m.group(1));
          } else if (m.group(2) != null && constants.containsKey(m.group(2))) {
            reads.add(constants.get(m.group(2)));
          } else if (m.group(3) != null) {
            reads.add(slotName(source, m.group(3)));
          } else if (m.group(2) != null) {
            throw new AssertionError(method + " reads " + m.group(2) + ", which is no variable constant it imports");
          }
        }
        m = CALL.matcher(body);
        while (m.find()) {
          if (!KEYWORDS.contains(m.group(1)) && !bodies(source, m.group(1)).isEmpty()) {
            todo.push(m.group(1));
          }
        }
      }
    }
    return reads;
  }

  /** The bodies of the methods named {@code method} declared in {@code source} (overloads included). */
  static List<String> bodies(String source, String method) {
    Pattern declaration = Pattern.compile("(?m)^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|synchronized)\\s+)*"
        + "[\\w<>\\[\\],.? ]+\\s+" + Pattern.quote(method) + "\\s*\\([^)]*\\)\\s*(?:throws [\\w., ]+)?\\{");
    List<String> bodies = new java.util.ArrayList<>();
    Matcher m = declaration.matcher(source);
    while (m.find()) {
      int start = m.end();
      int depth = 1;
      int i = start;
      for (; i < source.length() && depth > 0; i++) {
        char c = source.charAt(i);
        if (c == '"') {
          i = endOfString(source, i);
        } else if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
      }
      bodies.add(source.substring(start, i));
    }
    return bodies;
  }

  private static int endOfString(String source, int quote) {
    if (source.startsWith("\"\"\"", quote)) {
      return source.indexOf("\"\"\"", quote + 3) + 2;
    }
    for (int i = quote + 1; i < source.length(); i++) {
      if (source.charAt(i) == '\\') {
        i++;
      } else if (source.charAt(i) == '"') {
        return i;
      }
    }
    return source.length();
  }

  private static String parameterType(String parameters, String name) {
    for (String parameter : parameters.split(",")) {
      String[] words = parameter.trim().split("\\s+");
      if (words.length >= 2 && words[words.length - 1].equals(name)) {
        String type = words[words.length - 2];
        return type.substring(type.lastIndexOf('.') + 1);
      }
    }
    throw new AssertionError("method reference on " + name + ", which is no parameter of (" + parameters + ")");
  }

  /** Constant name → variable name, for the Var and String constants of the class itself and its static imports. */
  private static Map<String, String> constants(String source) {
    Map<String, String> constants = new HashMap<>();
    Matcher pkg = PACKAGE.matcher(source);
    Matcher own = Pattern.compile("(?m)^(?:public |abstract |final )*(?:class|interface|enum|record) (\\w+)").matcher(source);
    if (pkg.find() && own.find()) {
      addConstants(pkg.group(1) + "." + own.group(1), null, constants);
    }
    Matcher m = STATIC_IMPORT.matcher(source);
    while (m.find()) {
      addConstants(m.group(1), "*".equals(m.group(2)) ? null : m.group(2), constants);
    }
    return constants;
  }

  private static void addConstants(String className, String only, Map<String, String> constants) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      return; // a static import of a member type or a method: no constants of ours
    }
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || (only != null && !only.equals(field.getName()))) {
        continue;
      }
      try {
        field.setAccessible(true);
        Object value = field.get(null);
        if (value instanceof duban.supervision.Var<?> var) {
          constants.put(field.getName(), var.name());
        } else if (value instanceof String name && name.matches("[a-z]\\w*")) {
          constants.put(field.getName(), name);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new AssertionError("constant " + className + "." + field.getName(), e);
      }
    }
  }

  /** A variable named by a static {@code name(int slot)} method of a class the source imports, for slot 1. */
  private static String slotName(String source, String method) {
    Matcher m = STATIC_IMPORT.matcher(source);
    while (m.find()) {
      try {
        Method named = Class.forName(m.group(1)).getMethod(method, int.class);
        Object name = named.invoke(null, 1);
        return name instanceof duban.supervision.Var<?> var ? var.name() : String.valueOf(name);
      } catch (ClassNotFoundException | NoSuchMethodException e) {
        // not in this import
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(method + "(1)", e);
      }
    }
    throw new AssertionError("getVariable(" + method + "(..)): no static " + method + "(int) in the imports");
  }
}
