package duban.reminder;

/**
 * What a channel's refusal means for the message: {@link #TRANSIENT} is tried again with back-off and becomes an
 * incident when the back-off runs out; {@link #RATE_LIMITED} waits for the robot's window and is not a failure;
 * {@link #PERMANENT} (bad key, keyword, signature, unknown mailbox) is an incident at once and is tried again only
 * at the recovery interval, in case someone fixed it.
 */
enum FailureClass {
  TRANSIENT,
  RATE_LIMITED,
  PERMANENT;

  /** A channel did not carry a message: why, in the words an operator reads in Cockpit. */
  static final class Failure extends Exception {

    final FailureClass kind;

    Failure(FailureClass kind, String message, Throwable cause) {
      super(message, cause);
      this.kind = kind;
    }

    Failure(FailureClass kind, String message) {
      this(kind, message, null);
    }
  }
}
