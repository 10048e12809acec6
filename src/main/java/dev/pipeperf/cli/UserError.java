package dev.pipeperf.cli;

/**
 * A problem the user can fix (a missing folder, a broken config file), shown as one line and mapped
 * to exit code 2. Never a stack trace.
 */
final class UserError extends RuntimeException {

  UserError(String message) {
    super(message, null, false, false);
  }
}
