package duban.engine;

import java.lang.reflect.Field;

/**
 * A protected field of an engine command that a guard must read (the engine offers no getter). Resolved when the
 * guard is created: an engine upgrade that moves the field fails at start-up rather than leaving the guard blind.
 */
public final class CommandField<C, T> {

  private final Field field;
  private final Class<T> type;

  public CommandField(Class<C> command, String name, Class<T> type) {
    this.type = type;
    try {
      field = command.getDeclaredField(name);
      field.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(command.getSimpleName() + "." + name + " not found", e);
    }
  }

  public T of(C command) {
    try {
      return type.cast(field.get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
