package dev.countersign.gateway.admin;

/** An admin command failed for a reason the message explains (gateway unreachable or refusing, bad input file). */
final class AdminException extends Exception {
    AdminException(String message) {
        super(message);
    }
}
