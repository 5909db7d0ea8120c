package duban.security;

import java.util.concurrent.atomic.AtomicInteger;

/** A bean an injected expression would call: if it is ever touched, an expression was evaluated. */
public class Canary {

  private final AtomicInteger touches = new AtomicInteger();

  public String touch() {
    touches.incrementAndGet();
    return "nobody";
  }

  public int touches() {
    return touches.get();
  }
}
